package nl.mboexchange.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
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

/** The servers come back from the fault suite's faults with everything they held. */
class ServerFaultsIT {

    private final TestInfrastructure infrastructure = TestInfrastructure.get();
    private final ServerFaults faults = ServerFaults.of(infrastructure);

    @Test
    void postgresql_stopped_refuses_connections_and_starts_again_with_its_data_on_the_same_port() throws Exception {
        String url = infrastructure.jdbcUrl("server_faults_check");
        execute(url, "create table if not exists kept (value text)");
        execute(url, "insert into kept values ('before the stop')");

        faults.stopPostgres();
        try {
            assertThatThrownBy(() -> execute(url, "select 1")).isInstanceOf(SQLException.class);
        } finally {
            faults.startPostgres();
        }

        assertThat(infrastructure.jdbcUrl("server_faults_check")).isEqualTo(url);
        try (var connection = DriverManager.getConnection(
                        url, infrastructure.databaseUser(), infrastructure.databasePassword());
                var result = connection
                        .createStatement()
                        .executeQuery("select count(*) from kept where value = 'before the stop'")) {
            result.next();
            assertThat(result.getInt(1)).isPositive();
        }
    }

    @Test
    void kafka_restarted_keeps_its_records_and_logins_and_takes_new_ones() throws Exception {
        String topic = "server-faults-check-" + UUID.randomUUID();
        Map<String, Object> operator = infrastructure.kafkaOperator();
        try (Admin admin = Admin.create(operator)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        produce(operator, topic, "before the restart");

        faults.restartKafka();

        produce(operator, topic, "after the restart");
        Map<String, Object> config = new HashMap<>(operator);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "server-faults-check");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> values = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < 2 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
            }
            assertThat(values).containsExactly("before the restart", "after the restart");
        }
    }

    private static void produce(Map<String, Object> login, String topic, String value) throws Exception {
        Map<String, Object> config = new HashMap<>(login);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", value)).get();
        }
    }

    private void execute(String url, String sql) throws SQLException {
        try (var connection =
                DriverManager.getConnection(url, infrastructure.databaseUser(), infrastructure.databasePassword())) {
            connection.createStatement().execute(sql);
        }
    }
}
