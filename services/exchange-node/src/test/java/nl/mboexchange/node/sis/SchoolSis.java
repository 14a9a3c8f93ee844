package nl.mboexchange.node.sis;

import static nl.mboexchange.node.support.RunningNode.TOPIC_PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import nl.mboexchange.networkadmin.Credentials;
import nl.mboexchange.node.support.RunningNode;
import nl.mboexchange.node.support.Wire;
import nl.mboexchange.serde.AvroSerdeConfig;
import nl.mboexchange.serde.KafkaAvroDeserializer;
import nl.mboexchange.serde.KafkaAvroSerializer;
import nl.mboexchange.testinfra.TestInfrastructure;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A school's SIS as a test plays it: it writes Avro commands to the school's commands topic, keyed by enrolment id,
 * and reads everything on the school's events topic and dead-letter topic, from the beginning, by key.
 */
public final class SchoolSis implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final String commands;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    private final Topic events;
    private final Topic deadLetters;

    public SchoolSis(String school) {
        Credentials sis = RunningNode.member(school).sis();
        String registry = TestInfrastructure.get().schemaRegistryUrl();
        this.commands = TOPIC_PREFIX + "school." + school + ".commands";
        serializer.configure(
                Map.of(
                        AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG,
                        registry,
                        AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                        "io.confluent.kafka.serializers.subject.RecordNameStrategy"),
                false);
        this.producer = new KafkaProducer<>(
                Wire.as(sis, Map.of(ProducerConfig.ACKS_CONFIG, "all")),
                new StringSerializer(),
                new ByteArraySerializer());
        // As the SIS, in a group of its own; the dead letters are the operator's.
        this.events = new Topic(
                TOPIC_PREFIX + "school." + school + ".events",
                Wire.as(sis, Map.of(ConsumerConfig.GROUP_ID_CONFIG, "sis-" + school + "-it-" + UUID.randomUUID())),
                registry);
        this.deadLetters = new Topic(
                TOPIC_PREFIX + "school." + school + ".deadletter",
                Wire.asOperator(Map.of(ConsumerConfig.GROUP_ID_CONFIG, "it-sis-" + UUID.randomUUID())),
                null);
    }

    /** Sends the command, keyed by its enrolment id as the contract asks. */
    public void send(SpecificRecord command) {
        send(((GenericRecord) command).get("enrolmentId").toString(), serializer.serialize(commands, command));
    }

    /** Sends whatever bytes under whatever key. */
    void send(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(commands, key, value)).get();
        } catch (Exception e) {
            throw new AssertionError("could not send to " + commands, e);
        }
    }

    /** Everything on the events topic for this enrolment, in order, once {@code condition} holds. */
    public List<Object> awaitEvents(UUID enrolmentId, Predicate<List<Object>> condition) {
        return events.await(enrolmentId.toString(), condition).stream()
                .map(ConsumerRecord::value)
                .toList();
    }

    /** The events of the enrolment once {@code condition} holds, and a moment later, so that one too many shows. */
    List<Object> settledEvents(UUID enrolmentId, Predicate<List<Object>> condition) {
        awaitEvents(enrolmentId, condition);
        events.pollFor(Duration.ofSeconds(1));
        return events.await(enrolmentId.toString(), any -> true).stream()
                .map(ConsumerRecord::value)
                .toList();
    }

    /** The dead letters under this key, once there are {@code count}. */
    public List<ConsumerRecord<String, Object>> awaitDeadLetters(String key, int count) {
        return deadLetters.await(key, letters -> letters.size() >= count);
    }

    static String header(ConsumerRecord<String, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
        serializer.close();
        events.close();
        deadLetters.close();
    }

    /** One topic read from its beginning, its records kept by key in the order they came. */
    private static final class Topic implements AutoCloseable {

        private final KafkaConsumer<String, Object> consumer;
        private final Map<String, List<ConsumerRecord<String, Object>>> byKey = new HashMap<>();

        Topic(String topic, Map<String, Object> login, String registry) {
            Map<String, Object> config = new HashMap<>(login);
            config.putAll(Map.of(
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500));
            if (registry == null) {
                var bytes = new ByteArrayDeserializer();
                this.consumer =
                        new KafkaConsumer<>(config, new StringDeserializer(), (t, data) -> bytes.deserialize(t, data));
            } else {
                var avro = new KafkaAvroDeserializer();
                avro.configure(
                        Map.of(
                                AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG,
                                registry,
                                AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG,
                                true),
                        false);
                this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), avro);
            }
            consumer.subscribe(java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(topic)));
        }

        List<ConsumerRecord<String, Object>> await(String key, Predicate<List<Object>> condition) {
            Instant deadline = Instant.now().plus(PATIENCE);
            while (true) {
                List<ConsumerRecord<String, Object>> records = List.copyOf(byKey.getOrDefault(key, List.of()));
                if (condition.test(records.stream().map(ConsumerRecord::value).toList())) {
                    return records;
                }
                assertThat(Instant.now())
                        .as(
                                "records of %s so far: %s",
                                key, records.stream().map(ConsumerRecord::value).toList())
                        .isBefore(deadline);
                pollFor(Duration.ofMillis(200));
            }
        }

        void pollFor(Duration duration) {
            for (ConsumerRecord<String, Object> record : consumer.poll(duration)) {
                byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record);
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
