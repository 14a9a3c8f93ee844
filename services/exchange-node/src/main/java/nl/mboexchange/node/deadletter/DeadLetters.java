package nl.mboexchange.node.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.mboexchange.node.deadletter.StoredDeadLetter.Source;
import nl.mboexchange.node.kafka.ChannelAdmin;
import nl.mboexchange.node.outbox.OutboxMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-letter topic of this school: every record the node would not take in, its bytes unchanged, with why in
 * headers, so that an operator can read, fix and replay it. Sent before the offsets are committed.
 */
public class DeadLetters {

    /** Why, in a word: {@link Reason}. */
    public static final String REASON = "mbo.deadletter.reason";
    /** The refusal's code, for refused events (e.g. {@code TransitionNotAllowed}). */
    public static final String CODE = "mbo.deadletter.code";
    /** Why, for a person. */
    public static final String DETAIL = "mbo.deadletter.detail";

    public static final String ORIGINAL_TOPIC = "mbo.deadletter.original.topic";
    public static final String ORIGINAL_PARTITION = "mbo.deadletter.original.partition";
    public static final String ORIGINAL_OFFSET = "mbo.deadletter.original.offset";
    public static final String DEAD_LETTERED_AT = "mbo.deadletter.at";
    /** The record type of a released outbox message, whose bytes carry no schema id. */
    public static final String RECORD_SCHEMA = "mbo.deadletter.record.schema";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    /** The kinds of record the node refuses. */
    public enum Reason {
        /** Not Avro in the Confluent wire format, or a schema id the registry does not know. */
        UNDECODABLE,
        /** Decodes, but is not an event of the exchange or breaks its rules (key, course code, grade...). */
        INVALID,
        /** Sender or recipient do not match the channel it came on. */
        FORGED,
        /** A valid event that the enrolment's state does not allow, or from a school that is not its counterpart. */
        REFUSED,
        /**
         * Decodes and passes every check, but cannot be taken in: the database refuses a value of it, or it fails on
         * its own for another reason while the rest of its poll goes in.
         */
        UNPROCESSABLE,
        /** A message of this node's outbox that could not be sent, released by an operator. */
        UNSENDABLE
    }

    /**
     * One record to dead-letter.
     *
     * @param record the record as it came
     * @param eventId the event's (or SIS command's) id, when the record decoded that far; else {@code null}
     * @param reason why, in a word
     * @param code the refusal's code, for a refused event or command
     * @param detail why, for a person; never personal data
     */
    public record DeadLetter(
            ConsumerRecord<String, byte[]> record, UUID eventId, Reason reason, String code, String detail) {

        public DeadLetter(ConsumerRecord<String, byte[]> record, Reason reason, String code, String detail) {
            this(record, null, reason, code, detail);
        }

        /** Why, in one line: the reason, the refusal's code if any, and the detail. */
        public String summary() {
            return reason + (code == null ? "" : " " + code) + ": " + detail;
        }
    }

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final ChannelAdmin channels;
    private final Clock clock;
    private final MeterRegistry meters;
    private final DeadLetterStore store;

    DeadLetters(
            Producer<String, byte[]> producer,
            String topic,
            ChannelAdmin channels,
            Clock clock,
            MeterRegistry meters,
            DeadLetterStore store) {
        this.producer = producer;
        this.topic = topic;
        this.channels = channels;
        this.clock = clock;
        this.meters = meters;
        this.store = store;
    }

    String topic() {
        return topic;
    }

    /**
     * Sends them all, waits until Kafka has them and adds them to the operator's worklist; throws when that fails, so
     * the batch is redone.
     */
    public void send(Source source, List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        channels.ensure(topic);
        List<Future<RecordMetadata>> acks = new ArrayList<>(letters.size());
        for (DeadLetter letter : letters) {
            ConsumerRecord<String, byte[]> original = letter.record();
            var headers = new RecordHeaders(original.headers().toArray());
            header(headers, REASON, letter.reason().name());
            if (letter.code() != null) {
                header(headers, CODE, letter.code());
            }
            header(headers, DETAIL, letter.detail());
            header(headers, ORIGINAL_TOPIC, original.topic());
            header(headers, ORIGINAL_PARTITION, String.valueOf(original.partition()));
            header(headers, ORIGINAL_OFFSET, String.valueOf(original.offset()));
            header(headers, DEAD_LETTERED_AT, clock.instant().toString());
            acks.add(producer.send(new ProducerRecord<>(topic, null, original.key(), original.value(), headers)));
            log.warn(
                    "Dead-lettered {}-{}@{} (key {}): {} {}",
                    original.topic(),
                    original.partition(),
                    original.offset(),
                    original.key(),
                    letter.reason(),
                    letter.detail());
            meters.counter("mbo.dead.letters", "reason", letter.reason().name(), "topic", original.topic())
                    .increment();
        }
        await(acks);
        store.add(letters.stream()
                .map(letter -> new NewDeadLetter(
                        source,
                        letter.record().topic(),
                        letter.record().partition(),
                        letter.record().offset(),
                        letter.record().key(),
                        letter.eventId(),
                        letter.reason().name(),
                        letter.code(),
                        letter.detail(),
                        letter.record().value()))
                .toList());
    }

    /**
     * Dead-letters a message of the outbox that could not be sent: its payload as the outbox kept it (Avro's binary
     * encoding without the wire format's schema id, which it never got), with the record's type in a header.
     */
    void release(OutboxMessage message, String reason) {
        byte[] avroBinary = message.payload();
        channels.ensure(topic);
        var headers = new RecordHeaders();
        header(headers, REASON, Reason.UNSENDABLE.name());
        header(headers, DETAIL, reason);
        header(headers, ORIGINAL_TOPIC, message.topic());
        header(headers, ORIGINAL_PARTITION, "-1");
        header(headers, ORIGINAL_OFFSET, String.valueOf(message.id()));
        header(headers, RECORD_SCHEMA, message.eventType());
        header(headers, DEAD_LETTERED_AT, clock.instant().toString());
        await(List.of(producer.send(new ProducerRecord<>(topic, null, message.key(), avroBinary, headers))));
        meters.counter("mbo.dead.letters", "reason", Reason.UNSENDABLE.name(), "topic", message.topic())
                .increment();
        store.add(List.of(new NewDeadLetter(
                Source.OUTBOX,
                message.topic(),
                -1,
                message.id(),
                message.key(),
                message.eventId(),
                Reason.UNSENDABLE.name(),
                null,
                reason,
                avroBinary)));
        log.warn(
                "Released outbox message {} (key {}, {}) to the dead letters: {}",
                message.id(),
                message.key(),
                message.eventType(),
                reason);
    }

    private void await(List<Future<RecordMetadata>> acks) {
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while dead-lettering", e);
            } catch (Exception e) {
                throw new IllegalStateException("Kafka did not take the dead letters", e);
            }
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
