package nl.mboexchange.localnetwork;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server the launcher started as a process of its own, with its output in a log file.
 *
 * <p>Each runs in a session of its own, so that Ctrl-C in the terminal reaches only the launcher, which then stops
 * the servers in order (nodes before the broker they flush to, the database last). A {@link Watchdog} stops each one
 * when the launcher dies without that chance.
 */
final class ChildProcess implements Stoppable {

    private static final Duration GRACE = Duration.ofSeconds(20);

    private final String name;
    private final Process process;
    private final Watchdog watchdog;
    private final Path log;

    private ChildProcess(String name, Process process, Watchdog watchdog, Path log) {
        this.name = name;
        this.process = process;
        this.watchdog = watchdog;
        this.log = log;
    }

    /** Starts {@code command} with {@code environment} added to the launcher's, writing its output to {@code log}. */
    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path log) {
        List<String> inOwnSession = new ArrayList<>();
        if (Watchdog.SETSID.isPresent()) {
            inOwnSession.add(Watchdog.SETSID.get().toString());
        }
        inOwnSession.addAll(command);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "", StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder(inOwnSession)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            return new ChildProcess(name, process, Watchdog.guard(process.pid(), "TERM"), log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + String.join(" ", command), e);
        }
    }

    /** A JVM on this launcher's own Java, with the given options, main class or {@code -jar} and arguments. */
    static List<String> java(List<String> options, List<String> mainAndArguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(mainAndArguments);
        return command;
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code of a process that has ended. */
    int exitCode() {
        return process.exitValue();
    }

    Path log() {
        return log;
    }

    /** Why the process is not running, for the user: its exit code and the end of its log. */
    String whyItEnded() {
        String exit = process.isAlive() ? "is still running" : "exited with code " + process.exitValue();
        return name + " " + exit + "; from " + log + ":\n" + Logs.explanation(log, 25);
    }

    /** Asks the process to stop (SIGTERM), and kills it when it has not stopped within the grace period. */
    @Override
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            watchdog.stop();
        }
    }
}
