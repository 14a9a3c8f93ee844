package nl.mboexchange.testinfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import nl.mboexchange.networkadmin.Credentials;
import nl.mboexchange.networkadmin.SchemaRegistration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same servers as images, for machines with Docker: PostgreSQL 17, Apache Kafka (KRaft) and Confluent Schema
 * Registry, the last one set to the project's compatibility rule.
 */
final class ContainerInfrastructure extends SharedDatabases implements TestInfrastructure, Stoppable {

    private static final String KAFKA_ALIAS = "kafka";

    private final Network network = Network.newNetwork();
    private PostgreSQLContainer postgres;
    private KafkaContainer kafka;
    private GenericContainer<?> registry;

    @Override
    public synchronized String kafkaBootstrapServers() {
        return kafka().getBootstrapServers();
    }

    /**
     * Not yet: the image's broker would have to be formatted with the operator's SCRAM login and started with the
     * authorizer (as {@link EmbeddedKafka} is), which its container module does not offer.
     */
    @Override
    public Credentials kafkaOperatorLogin() {
        throw new UnsupportedOperationException(
                "the Testcontainers broker has no SCRAM logins and no authorizer; run the tests on the embedded one");
    }

    private KafkaContainer kafka() {
        if (kafka == null) {
            kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:4.1.2"))
                    .withNetwork(network)
                    .withNetworkAliases(KAFKA_ALIAS)
                    .withListener(KAFKA_ALIAS + ":19092");
            kafka.start();
        }
        return kafka;
    }

    @Override
    public synchronized String schemaRegistryUrl() {
        if (registry == null) {
            kafka();
            registry = new GenericContainer<>(DockerImageName.parse("confluentinc/cp-schema-registry:7.9.1"))
                    .withNetwork(network)
                    .withExposedPorts(8081)
                    .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
                    .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
                    .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://" + KAFKA_ALIAS + ":19092")
                    .withEnv("SCHEMA_REGISTRY_SCHEMA_COMPATIBILITY_LEVEL", SchemaRegistryProcess.COMPATIBILITY)
                    .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));
            registry.start();
            new SchemaRegistration(registryUrl(), null).registerContract();
        }
        return registryUrl();
    }

    private String registryUrl() {
        return "http://" + registry.getHost() + ":" + registry.getMappedPort(8081);
    }

    @Override
    public String databaseUser() {
        return postgres().getUsername();
    }

    @Override
    public String databasePassword() {
        return postgres().getPassword();
    }

    private synchronized PostgreSQLContainer postgres() {
        if (postgres == null) {
            postgres = new PostgreSQLContainer(DockerImageName.parse("postgres:17-alpine"));
            postgres.start();
        }
        return postgres;
    }

    @Override
    protected Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(postgres().getJdbcUrl(), databaseUser(), databasePassword());
    }

    @Override
    protected String jdbcUrlOf(String database) {
        return "jdbc:postgresql://" + postgres().getHost() + ":" + postgres().getFirstMappedPort() + "/" + database;
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable container : new AutoCloseable[] {registry, kafka, postgres}) {
            if (container != null) {
                try {
                    container.close();
                } catch (Exception e) {
                    // The JVM is exiting; Testcontainers' reaper removes what is left.
                }
            }
        }
        network.close();
    }
}
