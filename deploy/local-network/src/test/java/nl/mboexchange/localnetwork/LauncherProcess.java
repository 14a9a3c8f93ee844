package nl.mboexchange.localnetwork;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The launcher as a user runs it: {@code java -jar local-network.jar}, in a process of its own, on free ports and a
 * data directory under {@code target/}, so that its logs are there to read after a failed run.
 */
final class LauncherProcess {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

    private final Process launcher;
    private final Process guard;
    private final Path output;
    private final Ports ports;
    private final Path dataDirectory;
    private List<ProcessHandle> servers = List.of();
    private Optional<ProcessHandle> postmaster = Optional.empty();

    private LauncherProcess(Process launcher, Process guard, Path output, Ports ports, Path dataDirectory) {
        this.launcher = launcher;
        this.guard = guard;
        this.output = output;
        this.ports = ports;
        this.dataDirectory = dataDirectory;
    }

    /** The ports of one network: Kafka, its controller, the registry, PostgreSQL, and two nodes side by side. */
    record Ports(int kafka, int controller, int registry, int postgres, int firstNode) {

        static Ports free() {
            while (true) {
                int firstNode = freePair();
                Ports ports = new Ports(freePort(), freePort(), freePort(), freePort(), firstNode);
                if (ports.all().stream().distinct().count() == ports.all().size()) {
                    return ports;
                }
            }
        }

        List<Integer> all() {
            return List.of(kafka, controller, registry, postgres, firstNode, firstNode + 1);
        }

        String nodeUrl(int index) {
            return "http://127.0.0.1:" + (firstNode + index);
        }
    }

    static LauncherProcess start(Ports ports, Path dataDirectory, String... extraArguments) {
        try {
            Files.createDirectories(dataDirectory);
            Path output = dataDirectory.resolve("launcher-" + System.currentTimeMillis() + ".out");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m",
                    "-jar",
                    launcherJar().toString(),
                    "--data-dir",
                    dataDirectory.toString(),
                    "--kafka-port",
                    String.valueOf(ports.kafka()),
                    "--kafka-controller-port",
                    String.valueOf(ports.controller()),
                    "--registry-port",
                    String.valueOf(ports.registry()),
                    "--postgres-port",
                    String.valueOf(ports.postgres()),
                    "--node-port",
                    String.valueOf(ports.firstNode())));
            Optional.ofNullable(System.getProperty("schema-registry.app"))
                    .filter(app -> Files.isRegularFile(Path.of(app)))
                    .ifPresent(app -> command.addAll(List.of("--registry-jar", app)));
            command.addAll(List.of(extraArguments));
            Process launcher = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            return new LauncherProcess(launcher, guard(launcher.pid()), output, ports, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for READY, then notes every server process, to check later that none outlives the launcher. */
    LauncherProcess awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (!output().contains("\nREADY in ")) {
            assertThat(launcher.isAlive())
                    .as("the launcher ended before READY:\n%s", output())
                    .isTrue();
            assertThat(Instant.now())
                    .as("READY within %s:\n%s", READY_TIMEOUT, output())
                    .isBefore(deadline);
            sleep(Duration.ofMillis(500));
        }
        servers = launcher.descendants().toList();
        postmaster = postmasterPid().flatMap(ProcessHandle::of);
        assertThat(postmaster).as("PostgreSQL's postmaster").isPresent();
        return this;
    }

    /** What Ctrl-C does: the JVM's shutdown hook runs. {@link Process#destroy()} sends SIGTERM, which runs it too. */
    int stop() {
        launcher.destroy();
        return awaitExit();
    }

    /** A launcher that dies without its shutdown hook: only the watchdogs can clean up now. */
    int kill() {
        launcher.destroyForcibly();
        return awaitExit();
    }

    /** Nothing the network started is running, and none of its ports is listening, within {@code grace}. */
    void assertNothingLeftWithin(Duration grace) {
        Instant deadline = Instant.now().plus(grace);
        while (Instant.now().isBefore(deadline) && (anyServerAlive() || anyPortListening())) {
            sleep(Duration.ofMillis(500));
        }
        assertThat(servers.stream().filter(ProcessHandle::isAlive).map(this::describe))
                .as("processes left running")
                .isEmpty();
        assertThat(postmaster.filter(ProcessHandle::isAlive))
                .as("PostgreSQL left running")
                .isEmpty();
        assertThat(ports.all().stream().filter(Await::listening))
                .as("ports left listening")
                .isEmpty();
    }

    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    Ports ports() {
        return ports;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    private int awaitExit() {
        try {
            assertThat(launcher.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .as("the launcher stopped within %s:\n%s", STOP_TIMEOUT, output())
                    .isTrue();
            return launcher.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            guard.destroy();
        }
    }

    private boolean anyServerAlive() {
        return servers.stream().anyMatch(ProcessHandle::isAlive)
                || postmaster.map(ProcessHandle::isAlive).orElse(false);
    }

    private boolean anyPortListening() {
        return ports.all().stream().anyMatch(Await::listening);
    }

    private String describe(ProcessHandle process) {
        return process.pid() + " " + process.info().commandLine().orElse("?");
    }

    private Optional<Long> postmasterPid() {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postgres/postmaster.pid"));
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stops the launcher (SIGTERM) should this test JVM die first, so that a killed build leaves nothing running. */
    private static Process guard(long launcher) throws IOException {
        long self = ProcessHandle.current().pid();
        String script = "while kill -0 " + self + " 2>/dev/null && kill -0 " + launcher + " 2>/dev/null; do sleep 1;"
                + " done; kill " + launcher + " 2>/dev/null";
        return new ProcessBuilder("/bin/sh", "-c", script)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static Path launcherJar() {
        Path jar = Path.of(System.getProperty("local-network.jar", "target/local-network.jar"));
        assertThat(jar).as("the launcher, built by mvn package").isRegularFile();
        return jar;
    }

    static Path walkthroughScript() {
        Path script = Path.of(System.getProperty("walkthrough.script", "../walkthrough.sh"));
        assertThat(script).as("deploy/walkthrough.sh").isRegularFile();
        return script;
    }

    /** The environment that points the walk-through at this network's two nodes. */
    Map<String, String> walkthroughEnvironment() {
        return Map.of("HOME_URL", ports.nodeUrl(0), "HOST_URL", ports.nodeUrl(1));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A free port whose successor is free too: the launcher gives the schools consecutive ports. */
    private static int freePair() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freePort();
            if (port < 65535 && Await.free(port + 1)) {
                return port;
            }
        }
        throw new IllegalStateException("no two consecutive free ports");
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
