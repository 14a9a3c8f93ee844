package nl.mboexchange.benchmark.floor;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import nl.mboexchange.exchange.CourseResultRecorded;
import nl.mboexchange.exchange.NumericGrade;
import nl.mboexchange.serde.AvroSerdeConfig;
import nl.mboexchange.serde.KafkaAvroSerializer;

/**
 * The bytes of one {@code CourseResultRecorded} as a node puts it on the wire: Confluent wire format, schema
 * registered under its record name in the real registry. The Kafka floor sends these bytes, so its records are the
 * size of the nodes' own.
 */
public final class SamplePayload {

    private SamplePayload() {}

    /** A serialised result, as the host sends it to the home school. */
    public static byte[] courseResultRecorded(String registryUrl, String topic) {
        UUID enrolment = UUID.randomUUID();
        CourseResultRecorded result = CourseResultRecorded.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setEnrolmentId(enrolment)
                .setSenderSchool("30GH")
                .setRecipientSchool("25LX")
                .setAttempt(1)
                .setVersion(1)
                .setGrade(new NumericGrade(new BigDecimal("7.5")))
                .setFinalResult(true)
                .setAssessedOn(LocalDate.of(2026, 6, 30))
                .setCorrectionReason(null)
                .build();
        try (KafkaAvroSerializer serializer = new KafkaAvroSerializer()) {
            serializer.configure(
                    Map.of(
                            AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG,
                            registryUrl,
                            AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                            "io.confluent.kafka.serializers.subject.RecordNameStrategy"),
                    false);
            return serializer.serialize(topic, result);
        }
    }

    /** The record key of an enrolment, as the nodes write it: the enrolment id as text. */
    public static byte[] key(UUID enrolment) {
        return enrolment.toString().getBytes(StandardCharsets.UTF_8);
    }
}
