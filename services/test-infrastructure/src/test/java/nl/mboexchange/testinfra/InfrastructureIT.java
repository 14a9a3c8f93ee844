package nl.mboexchange.testinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class InfrastructureIT {

    private final TestInfrastructure infrastructure = TestInfrastructure.get();

    @Test
    void postgresql_17_serves_a_database_created_on_first_use() throws Exception {
        String url = infrastructure.jdbcUrl("infrastructure_check");

        try (var connection = DriverManager.getConnection(
                        url, infrastructure.databaseUser(), infrastructure.databasePassword());
                var result = connection.createStatement().executeQuery("show server_version_num")) {
            result.next();
            assertThat(result.getInt(1)).isBetween(170000, 179999);
        }
        assertThat(infrastructure.jdbcUrl("infrastructure_check")).isEqualTo(url);
    }

    @Test
    void kafka_delivers_what_was_produced() throws Exception {
        String topic = "infrastructure-check-" + UUID.randomUUID();
        Map<String, Object> operator = infrastructure.kafkaOperator();
        try (Admin admin = Admin.create(operator)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        try (var producer = new KafkaProducer<>(
                with(operator, Map.of(ProducerConfig.ACKS_CONFIG, "all")),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", "hello")).get();
        }
        try (var consumer = new KafkaConsumer<>(
                with(
                        operator,
                        Map.of(
                                ConsumerConfig.GROUP_ID_CONFIG, "infrastructure-check",
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            String value = null;
            for (int poll = 0; poll < 20 && value == null; poll++) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    value = record.value();
                }
            }
            assertThat(value).isEqualTo("hello");
        }
    }

    @Test
    void the_registry_refuses_a_schema_change_that_breaks_full_transitive_compatibility() throws Exception {
        String subject = "infrastructure-check-" + UUID.randomUUID();
        String v1 = "{\"type\":\"record\",\"name\":\"Check\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";
        String breaking = "{\"type\":\"record\",\"name\":\"Check\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},"
                + "{\"name\":\"b\",\"type\":\"string\"}]}";

        assertThat(register(subject, v1).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = register(subject, breaking);

        assertThat(refused.statusCode()).isEqualTo(409);
        HttpResponse<String> config =
                send(HttpRequest.newBuilder(URI.create(infrastructure.schemaRegistryUrl() + "/config"))
                        .GET());
        assertThat(config.body()).contains(SchemaRegistryProcess.COMPATIBILITY);
    }

    private HttpResponse<String> register(String subject, String schema) throws Exception {
        String body = "{\"schema\":\"" + schema.replace("\"", "\\\"") + "\"}";
        return send(HttpRequest.newBuilder(
                        URI.create(infrastructure.schemaRegistryUrl() + "/subjects/" + subject + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient()
                .send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> with(Map<String, Object> login, Map<String, Object> more) {
        Map<String, Object> config = new java.util.HashMap<>(login);
        config.putAll(more);
        return config;
    }
}
