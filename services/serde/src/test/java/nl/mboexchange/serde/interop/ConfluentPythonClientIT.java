package nl.mboexchange.serde.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import nl.mboexchange.exchange.CourseOffering;
import nl.mboexchange.exchange.CourseResultRecorded;
import nl.mboexchange.exchange.NumericGrade;
import nl.mboexchange.exchange.PassFailGrade;
import nl.mboexchange.exchange.RegistrationRejected;
import nl.mboexchange.exchange.RegistrationRequested;
import nl.mboexchange.exchange.RejectionReason;
import nl.mboexchange.exchange.ResultScale;
import nl.mboexchange.exchange.VisitingStudent;
import nl.mboexchange.serde.AvroSerdeConfig;
import nl.mboexchange.serde.KafkaAvroDeserializer;
import nl.mboexchange.serde.KafkaAvroSerializer;
import nl.mboexchange.testinfra.ConfluentPython;
import nl.mboexchange.testinfra.TestInfrastructure;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wire compatibility with Confluent's own client: Debian's {@code python3-confluent-kafka} (its
 * {@code confluent_kafka.avro} serializer and registry client) reads what our serializer wrote to a real topic
 * through the real registry, and our deserializer reads what the Python client wrote.
 */
class ConfluentPythonClientIT {

    private static final String PYTHON = "/usr/bin/python3";
    private static final Path CLIENT = Path.of("src/test/python/confluent_client.py");
    private static final String INSTALL = "apt-get install python3-confluent-kafka python3-avro python3-requests";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestInfrastructure infrastructure = TestInfrastructure.get();

    @BeforeAll
    static void requireTheConfluentClient() throws Exception {
        ConfluentPython.require(INSTALL, "confluent_kafka.avro", "avro");
    }

    @Test
    void confluents_client_reads_what_our_serializer_wrote() throws Exception {
        String topic = newTopic();
        UUID enrolment = UUID.randomUUID();
        var requested = requested(enrolment);
        var result = recorded(enrolment, new NumericGrade(new BigDecimal("7.5")), 2, "Rounding error corrected");
        produce(topic, enrolment, requested, result);

        List<JsonNode> records = consumeInPython(topic, 2);

        assertThat(records).extracting(r -> r.get("key").asText()).containsOnly(enrolment.toString());
        assertThat(records)
                .extracting(r -> r.get("schema").asText())
                .containsExactly(
                        "nl.mboexchange.exchange.RegistrationRequested",
                        "nl.mboexchange.exchange.CourseResultRecorded");
        JsonNode request = records.get(0).get("value");
        assertThat(request.get("eventId").asText())
                .isEqualTo(requested.getEventId().toString());
        assertThat(request.get("student").get("familyName").asText()).isEqualTo("de Vries");
        assertThat(request.get("student").get("dateOfBirth").asText()).isEqualTo("2007-03-14");
        assertThat(request.get("course").get("courseCode").asText()).isEqualTo("K0080");
        assertThat(request.get("course").get("resultScale").asText()).isEqualTo("NUMERIC_1_TO_10");
        assertThat(Instant.parse(request.get("occurredAt").asText().replace("+00:00", "Z")))
                .isEqualTo(requested.getOccurredAt());
        JsonNode recorded = records.get(1).get("value");
        assertThat(recorded.get("grade").get("value").asText()).isEqualTo("7.5");
        assertThat(recorded.get("version").asInt()).isEqualTo(2);
        assertThat(recorded.get("finalResult").asBoolean()).isTrue();
        assertThat(recorded.get("assessedOn").asText()).isEqualTo("2026-06-30");
        assertThat(recorded.get("correctionReason").asText()).isEqualTo("Rounding error corrected");
    }

    @Test
    void our_deserializer_reads_what_confluents_client_wrote() throws Exception {
        String topic = newTopic();
        UUID enrolment = UUID.randomUUID();
        UUID resultEvent = UUID.randomUUID();
        UUID rejectionEvent = UUID.randomUUID();
        produceInPython(
                topic,
                CourseResultRecorded.getClassSchema().toString(),
                Map.of(
                        "key", enrolment.toString(),
                        "value",
                                Map.ofEntries(
                                        Map.entry("eventId", resultEvent.toString()),
                                        Map.entry("occurredAt", "2026-07-01T09:30:00.123+00:00"),
                                        Map.entry("enrolmentId", enrolment.toString()),
                                        Map.entry("senderSchool", "30GH"),
                                        Map.entry("recipientSchool", "25LX"),
                                        Map.entry("attempt", 1),
                                        Map.entry("version", 1),
                                        Map.entry("grade", "PASSED"),
                                        Map.entry("finalResult", false),
                                        Map.entry("assessedOn", "2026-06-30"))));
        produceInPython(
                topic,
                RegistrationRejected.getClassSchema().toString(),
                Map.of(
                        "key", enrolment.toString(),
                        "value",
                                Map.of(
                                        "eventId", rejectionEvent.toString(),
                                        "occurredAt", "2026-07-02T08:00:00+00:00",
                                        "enrolmentId", enrolment.toString(),
                                        "senderSchool", "30GH",
                                        "recipientSchool", "25LX",
                                        "reasonCode", "COURSE_FULL",
                                        "reasonText", "All places are taken")));

        List<Object> values = consume(topic, 2);

        assertThat(values.get(0)).isInstanceOfSatisfying(CourseResultRecorded.class, result -> {
            assertThat(result.getEventId()).isEqualTo(resultEvent);
            assertThat(result.getEnrolmentId()).isEqualTo(enrolment);
            assertThat(result.getOccurredAt()).isEqualTo(Instant.parse("2026-07-01T09:30:00.123Z"));
            assertThat(result.getGrade()).isEqualTo(PassFailGrade.PASSED);
            assertThat(result.getFinalResult()).isFalse();
            assertThat(result.getAssessedOn()).isEqualTo(LocalDate.of(2026, 6, 30));
            assertThat(result.getCorrectionReason()).isNull();
        });
        assertThat(values.get(1)).isInstanceOfSatisfying(RegistrationRejected.class, rejected -> {
            assertThat(rejected.getEventId()).isEqualTo(rejectionEvent);
            assertThat(rejected.getReasonCode()).isEqualTo(RejectionReason.COURSE_FULL);
            assertThat(rejected.getReasonText()).isEqualTo("All places are taken");
        });
    }

    private String newTopic() throws Exception {
        String topic = "mbo.exchange.interop." + UUID.randomUUID();
        try (Admin admin = Admin.create(infrastructure.kafkaOperator())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        return topic;
    }

    private void produce(String topic, UUID key, SpecificRecord... values) throws Exception {
        var serializer = new KafkaAvroSerializer();
        serializer.configure(
                Map.of(
                        AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG,
                        infrastructure.schemaRegistryUrl(),
                        AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                        "io.confluent.kafka.serializers.subject.RecordNameStrategy"),
                false);
        try (var producer = new KafkaProducer<>(
                asOperator(Map.of(ProducerConfig.ACKS_CONFIG, "all")), new StringSerializer(), serializer)) {
            for (SpecificRecord value : values) {
                producer.send(new ProducerRecord<>(topic, key.toString(), value))
                        .get();
            }
        }
    }

    private List<Object> consume(String topic, int count) {
        var deserializer = new KafkaAvroDeserializer();
        deserializer.configure(
                Map.of(
                        AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG,
                        infrastructure.schemaRegistryUrl(),
                        AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG,
                        true),
                false);
        List<Object> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(
                asOperator(Map.of(
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "interop-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest")),
                new StringDeserializer(),
                deserializer)) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            while (values.size() < count && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
            }
        }
        assertThat(values).hasSize(count);
        return values;
    }

    private List<JsonNode> consumeInPython(String topic, int count) throws Exception {
        Result run = run(
                List.of(
                        PYTHON,
                        CLIENT.toString(),
                        "consume",
                        infrastructure.kafkaBootstrapServers(),
                        infrastructure.schemaRegistryUrl(),
                        topic,
                        String.valueOf(count)),
                "");
        assertThat(run.exitCode).as(run.output).isZero();
        List<JsonNode> records = new ArrayList<>();
        for (String line : run.stdout.lines().toList()) {
            records.add(JSON.readTree(line));
        }
        return records;
    }

    private void produceInPython(String topic, String schema, Map<String, Object> record) throws Exception {
        Path schemaFile = Files.createTempFile("exchange-", ".avsc");
        Files.writeString(schemaFile, schema);
        Result run = run(
                List.of(
                        PYTHON,
                        CLIENT.toString(),
                        "produce",
                        infrastructure.kafkaBootstrapServers(),
                        infrastructure.schemaRegistryUrl(),
                        topic,
                        schemaFile.toString()),
                JSON.writeValueAsString(record) + "\n");
        Files.delete(schemaFile);
        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(JSON.readTree(run.stdout.strip()).get("produced").asInt()).isEqualTo(1);
    }

    private static RegistrationRequested requested(UUID enrolment) {
        return RegistrationRequested.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setEnrolmentId(enrolment)
                .setSenderSchool("25LX")
                .setRecipientSchool("30GH")
                .setStudent(VisitingStudent.newBuilder()
                        .setExchangeId(UUID.randomUUID())
                        .setGivenName("Sanne")
                        .setFamilyName("de Vries")
                        .setDateOfBirth(LocalDate.of(2007, 3, 14))
                        .setEmail("sanne@student.example")
                        .build())
                .setCourse(CourseOffering.newBuilder()
                        .setCourseCode("K0080")
                        .setOfferingId("2026-S1-GROUP-A")
                        .setTitle("Ondernemerschap")
                        .setStudyLoadHours(240)
                        .setStartDate(LocalDate.of(2026, 2, 1))
                        .setEndDate(LocalDate.of(2026, 6, 30))
                        .setResultScale(ResultScale.NUMERIC_1_TO_10)
                        .build())
                .build();
    }

    private static CourseResultRecorded recorded(UUID enrolment, Object grade, int version, String reason) {
        return CourseResultRecorded.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setEnrolmentId(enrolment)
                .setSenderSchool("30GH")
                .setRecipientSchool("25LX")
                .setAttempt(1)
                .setVersion(version)
                .setGrade(grade)
                .setFinalResult(true)
                .setAssessedOn(LocalDate.of(2026, 6, 30))
                .setCorrectionReason(reason)
                .build();
    }

    /** Kafka client settings of the cluster's operator, with more settings. */
    private Map<String, Object> asOperator(Map<String, Object> settings) {
        Map<String, Object> config = new java.util.HashMap<>(infrastructure.kafkaOperator());
        config.putAll(settings);
        return config;
    }

    private record Result(int exitCode, String stdout, String output) {}

    private static Result run(List<String> command, String stdin) throws IOException, InterruptedException {
        Path stderr = Files.createTempFile("python-", ".err");
        // Python logs in as the operator, whose login it takes from the environment rather than the command line.
        var builder = ConfluentPython.configure(new ProcessBuilder(command)).redirectError(stderr.toFile());
        var operator = TestInfrastructure.get().kafkaOperatorLogin();
        builder.environment().put("MBO_KAFKA_USERNAME", operator.username());
        builder.environment().put("MBO_KAFKA_PASSWORD", operator.password());
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        String errors = Files.readString(stderr);
        Files.delete(stderr);
        return new Result(process.exitValue(), stdout, stdout + errors);
    }
}
