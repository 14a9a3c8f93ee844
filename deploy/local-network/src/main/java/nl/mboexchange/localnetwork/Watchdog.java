package nl.mboexchange.localnetwork;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A small shell loop beside each server that stops it when the launcher dies without running its shutdown hook
 * (SIGKILL, a crash), so that nothing is left listening. It ends by itself when the server does.
 */
final class Watchdog {

    /** {@code setsid} from util-linux, where there is one: it puts a process in a session of its own. */
    static final Optional<Path> SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid")
            .map(Path::of)
            .filter(Files::isExecutable)
            .findFirst();

    private static final int GRACE_SECONDS = 20;

    private final Process loop;

    private Watchdog(Process loop) {
        this.loop = loop;
    }

    /**
     * Watches this JVM on behalf of {@code pid}: once this JVM is gone, sends {@code pid} the signal, and SIGKILL if it
     * is still there after a grace period.
     */
    static Watchdog guard(long pid, String signal) {
        long launcher = ProcessHandle.current().pid();
        String script = String.join(
                "\n",
                "while kill -0 " + launcher + " 2>/dev/null && kill -0 " + pid + " 2>/dev/null; do sleep 1; done",
                "kill -0 " + pid + " 2>/dev/null || exit 0",
                "kill -" + signal + " " + pid + " 2>/dev/null",
                "i=0",
                "while kill -0 " + pid + " 2>/dev/null && [ $i -lt " + GRACE_SECONDS
                        + " ]; do sleep 1; i=$((i+1)); done",
                "kill -0 " + pid + " 2>/dev/null && kill -KILL " + pid + " 2>/dev/null",
                "exit 0");
        // In a session of its own too, so that Ctrl-C does not end the watchdog before the launcher's hook has run.
        ProcessBuilder builder = SETSID.isPresent()
                ? new ProcessBuilder(SETSID.get().toString(), "/bin/sh", "-c", script)
                : new ProcessBuilder("/bin/sh", "-c", script);
        try {
            return new Watchdog(builder.redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a watchdog for process " + pid, e);
        }
    }

    /** Called once the server has stopped in order: the watchdog has nothing left to do. */
    void stop() {
        loop.destroy();
    }
}
