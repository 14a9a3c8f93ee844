package nl.mboexchange.localnetwork;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import nl.mboexchange.networkadmin.Credentials;

/**
 * One school's exchange node: the node's boot jar in a JVM of its own, configured through the same environment
 * variables that {@code docker-compose.yml} sets, bound to 127.0.0.1.
 */
final class SchoolNode implements Stoppable {

    /** The registrar every local node knows; the password is per school, see {@link #registrarPassword(School)}. */
    static final String REGISTRAR = "registrar";

    /** The operator every local node knows, for dead letters and held messages; see {@link #operatorPassword}. */
    static final String OPERATOR = "operator";

    /** The reader every local node knows: staff who check status and change nothing; see {@link #readerPassword}. */
    static final String READER = "reader";

    /** The account Prometheus scrapes the metrics with; see {@link #monitorPassword}. */
    static final String MONITOR = "prometheus";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms64m",
            "-Xmx384m",
            "-XX:+UseSerialGC",
            // Several JVMs start at once on a small machine: C1 alone gets them ready sooner, and is fast enough here.
            "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError");

    private final School school;
    private final ChildProcess process;

    private SchoolNode(School school, ChildProcess process) {
        this.school = school;
        this.process = process;
    }

    static SchoolNode start(School school, Path app, Connections connections, Path logs) {
        ChildProcess process = ChildProcess.start(
                "Node " + school.code(),
                ChildProcess.java(JVM_OPTIONS, List.of("-jar", app.toString())),
                environment(school, connections),
                logs.resolve("node-" + school.code() + ".log"));
        return new SchoolNode(school, process);
    }

    /** Every setting of the node, by the environment variable that sets it. */
    static Map<String, String> environment(School school, Connections connections) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("MBO_NODE_SCHOOL_CODE", school.code());
        environment.put("MBO_KAFKA_TOPIC_PREFIX", connections.topicPrefix());
        environment.put("MBO_KAFKA_SCHEMA_REGISTRY_URL", connections.schemaRegistryUrl());
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", connections.kafkaBootstrapServers());
        Credentials login = connections.kafkaLogin(school);
        environment.put("MBO_KAFKA_USERNAME", login.username());
        environment.put("MBO_KAFKA_PASSWORD", login.password());
        environment.put("SPRING_DATASOURCE_URL", connections.jdbcUrl(school));
        environment.put("SPRING_DATASOURCE_USERNAME", school.database());
        environment.put("SPRING_DATASOURCE_PASSWORD", PostgresServer.password(school));
        environment.put("SERVER_ADDRESS", "127.0.0.1");
        environment.put("SERVER_PORT", String.valueOf(school.port()));
        environment.put("MBO_SECURITY_REGISTRARS_0_USERNAME", REGISTRAR);
        environment.put("MBO_SECURITY_REGISTRARS_0_PASSWORD", registrarPassword(school));
        environment.put("MBO_SECURITY_OPERATORS_0_USERNAME", OPERATOR);
        environment.put("MBO_SECURITY_OPERATORS_0_PASSWORD", operatorPassword(school));
        environment.put("MBO_SECURITY_READERS_0_USERNAME", READER);
        environment.put("MBO_SECURITY_READERS_0_PASSWORD", readerPassword(school));
        environment.put("MBO_SECURITY_MONITORS_0_USERNAME", MONITOR);
        environment.put("MBO_SECURITY_MONITORS_0_PASSWORD", monitorPassword(school));
        return environment;
    }

    /** The operator's password of a school's node: dead letters and held outbox messages. */
    static String operatorPassword(School school) {
        return "ops-" + school.code();
    }

    /** The reader's password of a school's node: the API's GET endpoints and the console's pages, no actions. */
    static String readerPassword(School school) {
        return "read-" + school.code();
    }

    /** The monitor's password of a school's node: {@code /actuator/prometheus} only. */
    static String monitorPassword(School school) {
        return "metrics-" + school.code();
    }

    /** A password per school, so that one school's credentials do not open another's node even locally. */
    static String registrarPassword(School school) {
        return "local-" + school.code();
    }

    /** Waits until the node reports UP; explains a failure unless the network is stopping anyway. */
    SchoolNode awaitHealthy(BooleanSupplier stopping) {
        Await.until(
                process.name(),
                START_TIMEOUT,
                process::isAlive,
                () -> Await.answers(school.baseUrl() + "/actuator/health", "\"UP\""),
                () -> {
                    if (!stopping.getAsBoolean()) {
                        System.err.println(process.whyItEnded()
                                + "\n(If the node's database migrations changed since its data was made, start again"
                                + " with --clean.)");
                    }
                });
        return this;
    }

    School school() {
        return school;
    }

    ChildProcess process() {
        return process;
    }

    @Override
    public void stop() {
        process.stop();
    }

    /** Where a node finds the shared servers. */
    record Connections(
            String kafkaBootstrapServers,
            String schemaRegistryUrl,
            String topicPrefix,
            int postgresPort,
            Path credentials) {

        /** The node's login, as the operator's tool wrote it when it added the school. */
        Credentials kafkaLogin(School school) {
            return Credentials.read(credentials.resolve(school.code()).resolve("node.properties"));
        }

        String jdbcUrl(School school) {
            return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + school.database();
        }
    }
}
