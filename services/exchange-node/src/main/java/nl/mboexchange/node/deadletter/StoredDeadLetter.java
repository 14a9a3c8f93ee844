package nl.mboexchange.node.deadletter;

import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record the node would not take in, as the operator's worklist keeps it.
 *
 * @param id the dead letter's id on this node
 * @param source which intake refused it: {@link Source}
 * @param topic the topic it came from (or, for an outbox message, was going to)
 * @param partition its partition, -1 for an outbox message
 * @param offset its offset, or an outbox message's id
 * @param key its Kafka key, the enrolment id
 * @param eventId the event's id (or the SIS command's id) when the record decoded that far, else {@code null}
 * @param reason why, in a word, e.g. {@code INVALID}
 * @param code the refusal's code for a refused event, e.g. {@code TransitionNotAllowed}
 * @param detail why, for a person; never a student's personal data
 * @param value the record's bytes, unchanged
 * @param deadLetteredAt when it was dead-lettered
 * @param replayedAt when a replay took it in, or {@code null} while it is open
 * @param replayOutcome what the last replay found
 */
public record StoredDeadLetter(
        long id,
        Source source,
        String topic,
        int partition,
        long offset,
        String key,
        UUID eventId,
        String reason,
        String code,
        String detail,
        byte[] value,
        Instant deadLetteredAt,
        Instant replayedAt,
        String replayOutcome) {

    /** The intake that refused a record, and that takes it in again when it is replayed. */
    public enum Source {
        /** An exchange channel from another school. */
        EXCHANGE,
        /** This school's SIS commands topic. */
        SIS_COMMANDS,
        /** This node's outbox: a message it could not send, released by an operator. */
        OUTBOX
    }

    public boolean isOpen() {
        return replayedAt == null;
    }

    /** The record as it came, to take it in again. */
    public ConsumerRecord<String, byte[]> asRecord() {
        return new ConsumerRecord<>(topic, partition, offset, key, value);
    }
}
