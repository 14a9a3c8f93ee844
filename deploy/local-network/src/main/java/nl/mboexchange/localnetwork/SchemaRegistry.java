package nl.mboexchange.localnetwork;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.mboexchange.networkadmin.SchemaRegistration;

/**
 * The schema registry built by {@code deploy/schema-registry} (Apicurio Registry, Confluent-compatible API under
 * {@code /apis/ccompat/v7}), storing its schemas in an H2 file under the data directory.
 *
 * <p>The file matters: records already on the topics carry schema ids, and a registry that forgot them at a restart
 * would turn every record not yet consumed into a poison message.
 */
final class SchemaRegistry implements Stoppable {

    /** The rule of DESIGN §5.2: every version backward and forward compatible with all earlier ones. */
    static final String COMPATIBILITY = "FULL_TRANSITIVE";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final ChildProcess process;
    private final int port;

    private SchemaRegistry(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static SchemaRegistry start(Path app, Path storage, int port, Path logs) {
        try {
            Files.createDirectories(storage);
        } catch (IOException e) {
            throw new StartFailed("could not create " + storage, e);
        }
        ChildProcess process = ChildProcess.start(
                "Schema registry",
                ChildProcess.java(
                        List.of(
                                "-Xms32m",
                                "-Xmx256m",
                                "-XX:+UseSerialGC",
                                "-XX:TieredStopAtLevel=1",
                                "-XX:+ExitOnOutOfMemoryError",
                                "-Dquarkus.http.host=127.0.0.1",
                                "-Dquarkus.http.port=" + port,
                                // Apicurio's default pool keeps 20 connections open; one user needs a few.
                                "-D%prod.quarkus.datasource.jdbc.min-size=2",
                                "-D%prod.quarkus.datasource.jdbc.initial-size=2",
                                // Apicurio's H2 storage draws ids by reading, then writing, the sequence row, so two
                                // registrations at once often fail with a lock timeout (HTTP 500; seen for 1 pair in
                                // 4). One worker thread takes requests one at a time; each takes milliseconds.
                                "-Dquarkus.thread-pool.core-threads=1",
                                "-Dquarkus.thread-pool.max-threads=1"),
                        List.of("-jar", app.toString())),
                Map.of("REGISTRY_DATASOURCE_URL", "jdbc:h2:file:" + storage.resolve("registry")),
                logs.resolve("schema-registry.log"));
        return new SchemaRegistry(process, port);
    }

    /**
     * Waits until the registry is ready, then stores the compatibility rule so that it is also reported, and registers
     * the contract's schemas as the operator's {@code network-admin register-schemas} does: the nodes do not register
     * schemas themselves.
     */
    SchemaRegistry awaitReady() {
        Await.until(
                "Schema registry",
                START_TIMEOUT,
                process::isAlive,
                () -> Await.answers("http://127.0.0.1:" + port + "/health/ready", "UP"),
                () -> System.err.println(process.whyItEnded()));
        setCompatibility();
        try {
            new SchemaRegistration(url(), null).registerContract();
        } catch (RuntimeException e) {
            throw new StartFailed("could not register the contract's schemas: " + e.getMessage(), e);
        }
        return this;
    }

    /** The Confluent-compatible base URL, for the nodes' {@code schema.registry.url}. */
    String url() {
        return "http://127.0.0.1:" + port + "/apis/ccompat/v7";
    }

    int port() {
        return port;
    }

    ChildProcess process() {
        return process;
    }

    @Override
    public void stop() {
        process.stop();
    }

    private void setCompatibility() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/config"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"" + COMPATIBILITY + "\"}"))
                .build();
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new StartFailed("the registry refused compatibility " + COMPATIBILITY + ": " + response.body());
            }
        } catch (IOException e) {
            throw new StartFailed("could not set the registry's compatibility rule: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartFailed("interrupted", e);
        }
    }
}
