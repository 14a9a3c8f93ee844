package nl.mboexchange.benchmark.node;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import nl.mboexchange.benchmark.measure.Clock;
import nl.mboexchange.serde.AvroSerdeConfig;
import nl.mboexchange.serde.KafkaAvroSerializer;
import nl.mboexchange.sis.CorrectResult;
import nl.mboexchange.sis.RecordResult;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The host's SIS on its real path: sends {@code RecordResult} commands to the host's commands topic, from the
 * driver's JVM, as a SIS would. The record command's time is when the SIS sent it.
 */
public final class SisFeeder implements AutoCloseable {

    private static final LocalDate ASSESSED_ON = LocalDate.of(2026, 6, 30);
    private static final String ISSUER = "benchmark-sis";

    private final EnrolmentIds ids;
    private final String topic;
    private final KafkaProducer<String, Object> producer;

    public SisFeeder(EnrolmentIds ids, String topic, Map<String, Object> login, String registryUrl) {
        this.ids = ids;
        this.topic = topic;
        KafkaAvroSerializer values = new KafkaAvroSerializer();
        values.configure(
                Map.of(
                        AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG,
                        registryUrl,
                        AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                        "io.confluent.kafka.serializers.subject.RecordNameStrategy"),
                false);
        Map<String, Object> config = new java.util.HashMap<>(login);
        config.putAll(Map.of(
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                1));
        this.producer = new KafkaProducer<>(config, new StringSerializer(), values);
    }

    /** Sends the commands as fast as the producer takes them; returns when each was sent, and last the end. */
    long[] burst(int from, int count) {
        long[] sentAt = new long[count + 1];
        for (int i = 0; i < count; i++) {
            sentAt[i] = Clock.micros();
            send(from + i);
        }
        producer.flush();
        sentAt[count] = Clock.micros();
        return sentAt;
    }

    /** Sends each command when it is due; returns when each was due, and last the end. */
    long[] steady(int from, int count, int rate) {
        long[] dueAt = new long[count + 1];
        long start = Clock.micros() + 10_000;
        for (int i = 0; i < count; i++) {
            long due = start + i * 1_000_000L / rate;
            long wait;
            while ((wait = due - Clock.micros()) > 0) {
                LockSupport.parkNanos(wait * 1_000);
            }
            dueAt[i] = due;
            send(from + i);
        }
        producer.flush();
        dueAt[count] = Clock.micros();
        return dueAt;
    }

    /**
     * For each enrolment, a provisional result (version 1) and then its correction to a final one (version 2), as a
     * SIS corrects a grade: both keyed by the enrolment, so the node takes them in that order.
     */
    public void recordThenCorrect(int from, int count) {
        for (int i = 0; i < count; i++) {
            UUID enrolment = ids.of(from + i);
            RecordResult provisional = recordResult(enrolment, "6.0", false);
            CorrectResult correction = CorrectResult.newBuilder()
                    .setCommandId(UUID.randomUUID())
                    .setIssuedBy(ISSUER)
                    .setIssuedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                    .setEnrolmentId(enrolment)
                    .setAttempt(1)
                    .setExpectedVersion(1)
                    .setGrade("7.5")
                    .setFinalResult(true)
                    .setAssessedOn(ASSESSED_ON)
                    .setReason("Second assessor added the portfolio")
                    .build();
            producer.send(new ProducerRecord<>(topic, enrolment.toString(), provisional));
            producer.send(new ProducerRecord<>(topic, enrolment.toString(), correction));
        }
        producer.flush();
    }

    private void send(int index) {
        UUID enrolment = ids.of(index);
        producer.send(new ProducerRecord<>(topic, enrolment.toString(), recordResult(enrolment, "7.5", true)));
    }

    private static RecordResult recordResult(UUID enrolment, String grade, boolean finalResult) {
        return RecordResult.newBuilder()
                .setCommandId(UUID.randomUUID())
                .setIssuedBy(ISSUER)
                .setIssuedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setEnrolmentId(enrolment)
                .setAttempt(1)
                .setGrade(grade)
                .setFinalResult(finalResult)
                .setAssessedOn(ASSESSED_ON)
                .build();
    }

    @Override
    public void close() {
        producer.close();
    }
}
