package nl.mboexchange.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import nl.mboexchange.networkadmin.Credentials;
import nl.mboexchange.networkadmin.NetworkAdmin;
import nl.mboexchange.networkadmin.NetworkTopics;
import nl.mboexchange.networkadmin.SchoolCredentials;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each limit of a school's logins, proven by trying it against the secured broker: school A ({@value #A}) may not send
 * as another school, read another's channels, use another's consumer groups or write another's commands; a SIS may
 * not touch the exchange; a client without a login gets nothing. Beside each refusal, what the same login may do, so
 * that a refusal is the ACL's and not a broken setup.
 */
class SchoolAclsIT {

    private static final String A = "11AA";
    private static final String B = "22BB";
    private static final String C = "33CC";

    private static final TestInfrastructure infrastructure = TestInfrastructure.get();
    private static final NetworkTopics topics =
            new NetworkTopics("acl-" + UUID.randomUUID().toString().substring(0, 8) + ".");
    private static SchoolCredentials a;
    private static SchoolCredentials b;

    @BeforeAll
    static void threeSchools() {
        a = infrastructure.kafkaSchool(topics.prefix(), A);
        b = infrastructure.kafkaSchool(topics.prefix(), B);
        infrastructure.kafkaSchool(topics.prefix(), C);
    }

    @Test
    void a_node_sends_only_on_its_own_channels() throws Exception {
        send(a.node(), topics.channel(A, B));
        assertRefused(() -> send(a.node(), topics.channel(B, C)), TopicAuthorizationException.class);
        assertRefused(() -> send(a.node(), topics.channel(B, A)), TopicAuthorizationException.class);
    }

    @Test
    void a_node_reads_only_the_channels_addressed_to_it() throws Exception {
        send(b.node(), topics.channel(B, C));
        send(b.node(), topics.channel(B, A));
        assertThat(read(a.node(), topics.channel(B, A), "exchange-node-" + A)).isNotEmpty();
        assertRefused(
                () -> read(a.node(), topics.channel(B, C), "exchange-node-" + A), TopicAuthorizationException.class);
    }

    @Test
    void a_node_may_not_join_or_commit_in_another_schools_group() throws Exception {
        send(a.node(), topics.channel(A, B));
        assertRefused(
                () -> read(a.node(), topics.channel(B, A), "exchange-node-" + B), GroupAuthorizationException.class);
        Map<String, Object> config = client(a.node());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "exchange-node-" + B);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topics.channel(B, A), 0);
            assertRefused(
                    () -> consumer.commitSync(Map.of(partition, new OffsetAndMetadata(0))),
                    GroupAuthorizationException.class);
        }
    }

    @Test
    void a_node_may_not_write_another_schools_commands() throws Exception {
        send(a.node(), topics.events(A));
        assertRefused(() -> send(a.node(), topics.commands(B)), TopicAuthorizationException.class);
    }

    @Test
    void a_sis_writes_its_commands_and_reads_its_events_and_nothing_else() throws Exception {
        send(a.sis(), topics.commands(A));
        send(a.node(), topics.events(A));
        assertThat(read(a.sis(), topics.events(A), "sis-" + A + "-check")).isNotEmpty();
        send(b.node(), topics.channel(B, A));
        assertRefused(() -> read(a.sis(), topics.channel(B, A), "sis-" + A), TopicAuthorizationException.class);
        assertRefused(() -> send(a.sis(), topics.channel(A, B)), TopicAuthorizationException.class);
        assertRefused(() -> send(a.sis(), topics.events(A)), TopicAuthorizationException.class);
        assertRefused(() -> send(a.sis(), topics.commands(B)), TopicAuthorizationException.class);
        assertRefused(() -> read(a.sis(), topics.events(A), "exchange-node-" + A), GroupAuthorizationException.class);
    }

    @Test
    void no_school_creates_a_topic_and_none_appears_by_itself() throws Exception {
        String unknown = topics.channel(A, "99ZZ");
        assertRefused(() -> send(a.node(), unknown, Duration.ofSeconds(5)), Exception.class);
        try (var admin = Admin.create(client(a.node()))) {
            assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic(unknown, 1, (short) 1)))
                            .all()
                            .get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        try (var admin = Admin.create(infrastructure.kafkaOperator())) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain(unknown);
        }
    }

    @Test
    void a_client_without_a_valid_login_gets_nothing() {
        Map<String, Object> anonymous = new HashMap<>();
        anonymous.put("bootstrap.servers", infrastructure.kafkaBootstrapServers());
        anonymous.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        try (var producer = new KafkaProducer<>(anonymous, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topics.channel(A, B), "k", "v"))
                            .get(10, TimeUnit.SECONDS))
                    .isNotNull();
        }
        Credentials wrong = new Credentials(a.node().username(), "not-the-password");
        assertRefused(() -> send(wrong, topics.channel(A, B)), SaslAuthenticationException.class);
    }

    @Test
    void a_removed_school_can_no_longer_log_in() {
        String code = "44DD";
        SchoolCredentials d = infrastructure.kafkaSchool(topics.prefix(), code);
        try (var admin = new NetworkAdmin(infrastructure.kafkaOperator(), topics, 1, (short) 1)) {
            assertThat(admin.members()).containsKey(code);
            admin.removeSchool(code);
            assertThat(admin.members()).doesNotContainKey(code).containsKeys(A, B, C);
        }
        assertRefused(() -> send(d.node(), topics.channel(code, A)), SaslAuthenticationException.class);
    }

    private static Map<String, Object> client(Credentials login) {
        return new HashMap<>(infrastructure.kafkaClient(login));
    }

    private static void send(Credentials login, String topic) throws Exception {
        send(login, topic, Duration.ofSeconds(30));
    }

    private static void send(Credentials login, String topic, Duration wait) throws Exception {
        Map<String, Object> config = client(login);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) wait.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) wait.toMillis() + 1000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) wait.toMillis());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", "value"))
                    .get(wait.toMillis() + 5000, TimeUnit.MILLISECONDS);
        }
    }

    private static List<String> read(Credentials login, String topic, String group) {
        Map<String, Object> config = client(login);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            for (int poll = 0; poll < 40; poll++) {
                var records = consumer.poll(Duration.ofMillis(250));
                if (!records.isEmpty()) {
                    consumer.commitSync();
                    return java.util.stream.StreamSupport.stream(records.spliterator(), false)
                            .map(record -> record.value())
                            .toList();
                }
            }
            return List.of();
        }
    }

    private interface Attempt {
        void run() throws Exception;
    }

    private static void assertRefused(Attempt attempt, Class<? extends Exception> refusal) {
        assertThatThrownBy(attempt::run).satisfies(thrown -> {
            Throwable cause = thrown instanceof ExecutionException ? thrown.getCause() : thrown;
            assertThat(cause).isInstanceOf(refusal);
        });
    }
}
