package nl.mboexchange.benchmark.node;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.mboexchange.networkadmin.Credentials;
import nl.mboexchange.testinfra.TestInfrastructure;

/**
 * The settings a benchmark node runs with: the node's own defaults, pointed at the shared servers, its own database
 * and its school code; nothing tuned for the benchmark.
 */
final class NodeSettings {

    static final String TOPIC_PREFIX = "mbo.";

    private NodeSettings() {}

    static Map<String, String> of(
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
        return settings;
    }
}
