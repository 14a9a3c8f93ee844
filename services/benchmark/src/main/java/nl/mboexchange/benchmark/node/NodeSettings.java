package nl.mboexchange.benchmark.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.mboexchange.networkadmin.Credentials;
import nl.mboexchange.networkadmin.Member;
import nl.mboexchange.networkadmin.NetworkAdmin;
import nl.mboexchange.networkadmin.NetworkTopics;
import nl.mboexchange.networkadmin.SchoolCredentials;
import nl.mboexchange.testinfra.TestInfrastructure;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The settings a benchmark node runs with: the node's own defaults, pointed at the shared servers, its own database
 * and its school code; nothing tuned for the benchmark.
 */
public final class NodeSettings {

    public static final String TOPIC_PREFIX = "mbo.";

    /** The registrar account of every benchmark node; its password is {@link #registrarPassword}. */
    static final String REGISTRAR = "registrar";

    /** The operator account {@link #addOperator} adds; its password is {@link #operatorPassword}. */
    public static final String OPERATOR = "operator";

    private static final PasswordEncoder PASSWORDS = new BCryptPasswordEncoder();

    private NodeSettings() {}

    public static Map<String, String> of(
            String school, String jdbcUrl, TestInfrastructure servers, int partitions, Credentials login) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.application.name", "exchange-node-" + school);
        settings.put("mbo.node.school-code", school);
        settings.put("mbo.kafka.topic-prefix", TOPIC_PREFIX);
        settings.put("spring.datasource.url", jdbcUrl);
        settings.put("spring.datasource.username", servers.databaseUser());
        settings.put("spring.datasource.password", servers.databasePassword());
        settings.put("spring.kafka.bootstrap-servers", servers.kafkaBootstrapServers());
        settings.put("mbo.kafka.username", login.username());
        settings.put("mbo.kafka.password", login.password());
        settings.put("mbo.kafka.schema-registry-url", servers.schemaRegistryUrl());
        settings.put("mbo.kafka.channel-partitions", Integer.toString(partitions));
        settings.put("server.address", "127.0.0.1");
        settings.put("server.port", "0");
        settings.put("management.server.port", "0");
        settings.put("management.server.address", "127.0.0.1");
        // Stored as a school would store it: a slow hash, never the password itself.
        settings.put("mbo.security.registrars[0].username", REGISTRAR);
        settings.put("mbo.security.registrars[0].password", "{bcrypt}" + PASSWORDS.encode(registrarPassword(school)));
        return settings;
    }

    /**
     * Adds the schools to the secured broker as the operator's tool does: their logins, topics and channels (with
     * {@code partitions} each) and ACLs, so that the nodes run as they would in a network.
     */
    public static Map<String, SchoolCredentials> addSchools(
            TestInfrastructure servers, int partitions, String... schools) throws IOException {
        Path credentials = Files.createTempDirectory("benchmark-logins-");
        Map<String, SchoolCredentials> logins = new HashMap<>();
        try (var admin =
                new NetworkAdmin(servers.kafkaOperator(), new NetworkTopics(TOPIC_PREFIX), partitions, (short) 1)) {
            for (String school : schools) {
                SchoolCredentials login = SchoolCredentials.keptIn(credentials, school, variable -> null);
                admin.addSchool(Member.of(school, "School " + school), login.node(), login.sis());
                logins.put(school, login);
            }
        }
        return logins;
    }

    /**
     * Takes the schools out of the network as the operator's tool does (logins, ACLs and membership), so that the
     * members added after them get no channels to them.
     */
    public static void removeSchools(TestInfrastructure servers, int partitions, List<String> schools) {
        try (var admin =
                new NetworkAdmin(servers.kafkaOperator(), new NetworkTopics(TOPIC_PREFIX), partitions, (short) 1)) {
            schools.forEach(admin::removeSchool);
        }
    }

    /**
     * Adds an operator account to a node's settings: the operations endpoints (dead letters, reconciliation) and the
     * metrics. Its password is stored as a school would store it, as a slow hash.
     */
    public static void addOperator(Map<String, String> settings, String school) {
        settings.put("mbo.security.operators[0].username", OPERATOR);
        settings.put("mbo.security.operators[0].password", "{bcrypt}" + PASSWORDS.encode(operatorPassword(school)));
    }

    public static String operatorPassword(String school) {
        return "benchmark-ops-" + school;
    }

    static String registrarPassword(String school) {
        return "benchmark-" + school;
    }
}
