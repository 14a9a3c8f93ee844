package nl.mboexchange.testinfra;

import java.util.Map;
import nl.mboexchange.networkadmin.Credentials;
import nl.mboexchange.networkadmin.SchoolCredentials;

/**
 * The servers an integration test talks to: a PostgreSQL, a Kafka broker and a Confluent-compatible schema registry.
 *
 * <p>{@link #get()} starts them once per test JVM, each when it is first asked for, and stops them when the JVM
 * exits. By default they run on this machine without Docker: PostgreSQL 17 from embedded binaries, Kafka as an
 * in-JVM KRaft broker and the registry built by {@code deploy/schema-registry} as a child process. With
 * {@code -Dtest.infra=containers} the same tests run on Testcontainers instead (PostgreSQL, Apache Kafka and
 * Confluent Schema Registry images).
 *
 * <p>Kafka is secured as the network's brokers are: every client logs in (SASL SCRAM-SHA-512) and may do only what
 * ACLs allow. Tests act as the operator ({@link #kafkaOperator()}) or as a school's node or SIS ({@link
 * #kafkaSchool(String, String)}). The Testcontainers broker is not secured yet ({@link #kafkaOperatorLogin()} throws
 * there), so the tests that use Kafka run on the embedded one only.
 */
public interface TestInfrastructure {

    /** The system property that chooses the infrastructure: {@code embedded} (default) or {@code containers}. */
    String SWITCH = "test.infra";

    /** Kafka's {@code bootstrap.servers}. */
    String kafkaBootstrapServers();

    /** The login of the cluster's operator, a super user. */
    Credentials kafkaOperatorLogin();

    /** What a Java client needs to reach Kafka as the operator: bootstrap servers and login. */
    default Map<String, Object> kafkaOperator() {
        return kafkaClient(kafkaOperatorLogin());
    }

    /** What a Java client needs to reach Kafka with this login. */
    default Map<String, Object> kafkaClient(Credentials login) {
        return login.clientProperties(kafkaBootstrapServers());
    }

    /**
     * The school as a member of the network under this topic prefix, added once per JVM as the operator's tool adds
     * one: its logins (returned), its own topics, its channels to and from the members before it, and its ACLs.
     */
    default SchoolCredentials kafkaSchool(String topicPrefix, String code) {
        return KafkaSchools.add(this, topicPrefix, code);
    }

    /**
     * The base URL of the Confluent Schema Registry REST API, for {@code schema.registry.url}. The contract's schemas
     * are registered there once per JVM, as the operator's tool registers them ({@code register-schemas}), so that
     * nodes run as in production: without registering schemas themselves.
     */
    String schemaRegistryUrl();

    /** A JDBC URL of the database with this name, created on first use. */
    String jdbcUrl(String database);

    String databaseUser();

    String databasePassword();

    /** The infrastructure of this JVM, chosen by {@value #SWITCH}. */
    static TestInfrastructure get() {
        return Holder.INSTANCE;
    }

    /** Lazily creates the one instance, so that loading the interface starts nothing. */
    final class Holder {
        private static final TestInfrastructure INSTANCE = create(System.getProperty(SWITCH, ""));

        private Holder() {}

        static TestInfrastructure create(String choice) {
            return switch (choice.isBlank() ? "embedded" : choice) {
                case "embedded" -> stoppedAtExit(new EmbeddedInfrastructure());
                case "containers" -> stoppedAtExit(new ContainerInfrastructure());
                default ->
                    throw new IllegalArgumentException(
                            "-D" + SWITCH + " must be 'embedded' or 'containers', not '" + choice + "'");
            };
        }

        private static <T extends TestInfrastructure & Stoppable> T stoppedAtExit(T infrastructure) {
            Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::close, "test-infrastructure-stop"));
            return infrastructure;
        }
    }
}
