package nl.mboexchange.testinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import nl.mboexchange.networkadmin.Credentials;
import nl.mboexchange.networkadmin.SchemaRegistration;

/**
 * Everything on this machine without Docker; each server starts when it is first asked for. PostgreSQL keeps its data
 * in a directory of its own and Kafka its port and logs, so that the fault suite can stop and restart them ({@link
 * ServerFaults}).
 */
final class EmbeddedInfrastructure extends SharedDatabases implements TestInfrastructure, ServerFaults, Stoppable {

    private EmbeddedPostgres postgres;
    private Path postgresData;
    private int postgresPort;
    private EmbeddedKafka kafka;
    private SchemaRegistryProcess registry;

    @Override
    public String kafkaBootstrapServers() {
        return kafka().bootstrapServers();
    }

    @Override
    public Credentials kafkaOperatorLogin() {
        return kafka().operator();
    }

    private synchronized EmbeddedKafka kafka() {
        if (kafka == null) {
            kafka = EmbeddedKafka.start();
        }
        return kafka;
    }

    @Override
    public synchronized String schemaRegistryUrl() {
        if (registry == null) {
            registry = SchemaRegistryProcess.start();
            new SchemaRegistration(registry.url(), null).registerContract();
        }
        return registry.url();
    }

    @Override
    public String databaseUser() {
        return "postgres";
    }

    @Override
    public String databasePassword() {
        return "postgres";
    }

    @Override
    protected synchronized Connection adminConnection() throws SQLException {
        if (postgres == null) {
            startPostgres();
        }
        return postgres.getPostgresDatabase().getConnection();
    }

    @Override
    public synchronized void startPostgres() {
        if (postgres != null) {
            return;
        }
        try {
            if (postgresData == null) {
                postgresData = Files.createTempDirectory("postgres-it-").resolve("data");
            }
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(postgresData)
                    // Kept when stopped, so that it starts again with its databases; removed in close().
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off");
            if (postgresPort != 0) {
                builder.setPort(postgresPort);
            }
            postgres = builder.start();
            postgresPort = postgres.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    @Override
    public synchronized void stopPostgres() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop", e);
        } finally {
            postgres = null;
        }
    }

    @Override
    public void restartKafka() {
        kafka().restart();
    }

    @Override
    protected synchronized String jdbcUrlOf(String database) {
        // The embedded server's own form of URL, from the port it keeps across a restart.
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + database + "?user=" + databaseUser();
    }

    @Override
    public synchronized void close() {
        if (registry != null) {
            registry.close();
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                // The JVM is exiting; the data directory is temporary.
            }
        }
        if (postgresData != null) {
            try (Stream<Path> files = Files.walk(postgresData.getParent())) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // The JVM is exiting; the directory is temporary.
            }
        }
    }
}
