package nl.mboexchange.node.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.mboexchange.networkadmin.Credentials;
import nl.mboexchange.serde.AvroSerdeConfig;
import nl.mboexchange.serde.KafkaAvroSerializer;
import nl.mboexchange.testinfra.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What another school, a SIS or an attacker puts on the shared broker, and what a test reads back from it. */
public final class Wire {

    private Wire() {}

    /** The record in the Confluent wire format, its schema registered by record name as every writer does. */
    public static byte[] serialize(String topic, Object record) {
        try (var serializer = new KafkaAvroSerializer()) {
            serializer.configure(
                    Map.of(
                            AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG,
                            TestInfrastructure.get().schemaRegistryUrl(),
                            AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                            "io.confluent.kafka.serializers.subject.RecordNameStrategy"),
                    false);
            return serializer.serialize(topic, record);
        }
    }

    /**
     * Registers schema text as it is, as a writer with a broken schema would, and returns the id the registry gave it.
     */
    public static int registerRaw(String subject, String schema) {
        try {
            String body = "{\"schema\": " + quote(schema) + "}";
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                            TestInfrastructure.get().schemaRegistryUrl() + "/subjects/" + subject + "/versions"))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                    .build();
            var response = java.net.http.HttpClient.newHttpClient()
                    .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return Integer.parseInt(response.body().replaceAll("[^0-9]", ""));
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError("could not register a schema under " + subject, e);
        }
    }

    /** A record in the wire format's frame: magic byte 0, the schema id, then the body as it is. */
    public static byte[] framed(int schemaId, byte... body) {
        return java.nio.ByteBuffer.allocate(5 + body.length)
                .put((byte) 0)
                .putInt(schemaId)
                .put(body)
                .array();
    }

    /**
     * Kafka client settings of the cluster's operator, who may do anything: what a test puts on the wire as another
     * school or an attacker, it puts there as the operator, past the ACLs that would stop a school.
     */
    public static Map<String, Object> asOperator(Map<String, Object> settings) {
        return as(TestInfrastructure.get().kafkaOperatorLogin(), settings);
    }

    /** Kafka client settings of this login, e.g. a school's SIS, with more settings. */
    public static Map<String, Object> as(Credentials login, Map<String, Object> settings) {
        Map<String, Object> config =
                new java.util.HashMap<>(TestInfrastructure.get().kafkaClient(login));
        config.putAll(settings);
        return config;
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    public static void createTopic(String topic, int partitions) {
        try (var admin = Admin.create(asOperator(Map.of()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get();
        } catch (Exception e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new AssertionError("could not create " + topic, e);
            }
        }
    }

    /** One keyed value for a topic's partition. */
    public record Sent(String key, byte[] value) {}

    /** Sends the values, in order, to one partition of the topic, and waits until the broker has them all. */
    public static void produce(String topic, int partition, List<Sent> values) {
        try (var producer = new KafkaProducer<>(
                asOperator(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 50)),
                new StringSerializer(),
                new ByteArraySerializer())) {
            var acks = values.stream()
                    .map(sent -> producer.send(new ProducerRecord<>(topic, partition, sent.key(), sent.value())))
                    .toList();
            producer.flush();
            for (var ack : acks) {
                ack.get();
            }
        } catch (Exception e) {
            throw new AssertionError("could not produce to " + topic, e);
        }
    }

    /** Every record of the topic, once at least {@code expected} are there, and any that come half a second after. */
    public static List<ConsumerRecord<String, byte[]>> read(String topic, int expected) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(
                asOperator(Map.of(
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "it-reader-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                        500)),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(topic)));
            Instant deadline = Instant.now().plusSeconds(30);
            while (found.size() < expected && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(found::add);
            }
            consumer.poll(Duration.ofMillis(500)).forEach(found::add);
        }
        assertThat(found).as("records on %s", topic).hasSizeGreaterThanOrEqualTo(expected);
        return found;
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
