package nl.mboexchange.testinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import nl.mboexchange.networkadmin.Credentials;
import nl.mboexchange.networkadmin.SchemaRegistration;

/** Everything on this machine without Docker; each server starts when it is first asked for. */
final class EmbeddedInfrastructure extends SharedDatabases implements TestInfrastructure, Stoppable {

    private EmbeddedPostgres postgres;
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
            try {
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("fsync", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("PostgreSQL did not start", e);
            }
        }
        return postgres.getPostgresDatabase().getConnection();
    }

    @Override
    protected String jdbcUrlOf(String database) {
        return postgres.getJdbcUrl(databaseUser(), database);
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
    }
}
