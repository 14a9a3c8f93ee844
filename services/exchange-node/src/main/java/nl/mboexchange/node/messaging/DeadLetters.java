package nl.mboexchange.node.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
    static final String REASON = "mbo.deadletter.reason";
    /** The refusal's code, for refused events (e.g. {@code TransitionNotAllowed}). */
    static final String CODE = "mbo.deadletter.code";
    /** Why, for a person. */
    static final String DETAIL = "mbo.deadletter.detail";

    static final String ORIGINAL_TOPIC = "mbo.deadletter.original.topic";
    static final String ORIGINAL_PARTITION = "mbo.deadletter.original.partition";
    static final String ORIGINAL_OFFSET = "mbo.deadletter.original.offset";
    static final String DEAD_LETTERED_AT = "mbo.deadletter.at";

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
        REFUSED
    }

    /** One record to dead-letter. */
    public record DeadLetter(ConsumerRecord<String, byte[]> record, Reason reason, String code, String detail) {}

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final ChannelAdmin channels;
    private final Clock clock;
    private final MeterRegistry meters;

    DeadLetters(
            Producer<String, byte[]> producer, String topic, ChannelAdmin channels, Clock clock, MeterRegistry meters) {
        this.producer = producer;
        this.topic = topic;
        this.channels = channels;
        this.clock = clock;
        this.meters = meters;
    }

    String topic() {
        return topic;
    }

    /** Sends them all and waits until Kafka has them; throws when it has not, so the batch is redone. */
    public void send(List<DeadLetter> letters) {
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
            meters.counter("mbo.dead.letters", "reason", letter.reason().name()).increment();
        }
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
