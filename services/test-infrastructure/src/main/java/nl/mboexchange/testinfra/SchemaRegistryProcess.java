package nl.mboexchange.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The schema registry built by {@code deploy/schema-registry} (Apicurio Registry with its Confluent-compatible
 * API), run as a child process on a free loopback port.
 *
 * <p>A watchdog shell stops the registry when this JVM dies without running its shutdown hooks, so that a killed
 * test run leaves nothing listening.
 */
public final class SchemaRegistryProcess implements AutoCloseable {

    /** The system property that names the registry's {@code quarkus-run.jar}. */
    public static final String APP_PROPERTY = "schema-registry.app";

    private static final String APP_IN_TREE = "deploy/schema-registry/target/quarkus-app/quarkus-run.jar";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    /** The compatibility rule of DESIGN §5.2: backward and forward, against every earlier version. */
    public static final String COMPATIBILITY = "FULL_TRANSITIVE";

    private final Process registry;
    private final Process watchdog;
    private final int port;

    private SchemaRegistryProcess(Process registry, Process watchdog, int port) {
        this.registry = registry;
        this.watchdog = watchdog;
        this.port = port;
    }

    /** Starts the registry on a free port, waits until it is ready and sets the compatibility rule. */
    public static SchemaRegistryProcess start() {
        return start(freePort(), Path.of(System.getProperty("schema-registry.log.dir", "target")));
    }

    public static SchemaRegistryProcess start(int port, Path logDirectory) {
        Path app = locateApp();
        try {
            Files.createDirectories(logDirectory);
            Path log = logDirectory.resolve("schema-registry-" + port + ".log");
            List<String> command = new ArrayList<>(List.of(
                    javaExecutable(),
                    "-Xmx384m",
                    "-Dquarkus.http.host=127.0.0.1",
                    "-Dquarkus.http.port=" + port,
                    "-jar",
                    app.toString()));
            Process registry = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Process watchdog = watch(ProcessHandle.current().pid(), registry.pid());
            SchemaRegistryProcess process = new SchemaRegistryProcess(registry, watchdog, port);
            process.awaitReady(log);
            process.setCompatibility(COMPATIBILITY);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the schema registry from " + app, e);
        }
    }

    /** The Confluent-compatible base URL, for {@code schema.registry.url}. */
    public String url() {
        return "http://127.0.0.1:" + port + "/apis/ccompat/v7";
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        registry.destroy();
        try {
            if (!registry.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                registry.destroyForcibly();
            }
        } catch (InterruptedException e) {
            registry.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        watchdog.destroy();
    }

    private void awaitReady(Path log) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!registry.isAlive()) {
                throw new IllegalStateException(
                        "the schema registry exited with " + registry.exitValue() + "; see " + log.toAbsolutePath());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep(Duration.ofMillis(200));
        }
        close();
        throw new IllegalStateException(
                "the schema registry was not ready within " + START_TIMEOUT + "; see " + log.toAbsolutePath());
    }

    private void setCompatibility(String compatibility) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/config"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"" + compatibility + "\"}"))
                .build();
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "the registry refused compatibility " + compatibility + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Process watch(long parent, long child) throws IOException {
        String script = "while kill -0 " + parent + " 2>/dev/null; do sleep 1; done; kill " + child + " 2>/dev/null";
        return new ProcessBuilder("/bin/sh", "-c", script)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    static Path locateApp() {
        String configured = System.getProperty(APP_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path app = Path.of(configured);
            if (Files.isRegularFile(app)) {
                return app;
            }
        }
        return inTree().orElseThrow(() -> new IllegalStateException("The schema registry is not built: no "
                + (configured == null ? APP_IN_TREE : configured)
                + ". Build it first: ./mvnw -pl deploy/schema-registry package"));
    }

    /** Looks for the built registry in this checkout, from the working directory upwards. */
    private static Optional<Path> inTree() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(APP_IN_TREE);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
