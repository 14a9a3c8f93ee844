package nl.mboexchange.node.outbox;

import java.time.Instant;
import java.util.UUID;
import org.apache.avro.generic.IndexedRecord;

/**
 * A message waiting in the outbox to be published: the Avro record of an exchange event, or of another contract.
 *
 * @param id the position in the outbox; messages of one key are published in this order
 * @param eventId the event's id
 * @param topic the topic to publish to
 * @param key the Kafka record key: the enrolment id
 * @param eventType the event type, equal to its Avro record name
 * @param record the Avro record to publish: an exchange event's, or one of another contract; {@code null} when the
 *     stored payload cannot be read, and the message can never be sent
 * @param createdAt when it was written to the outbox
 * @param payload the payload as stored: the record's Avro binary encoding, or JSON written by an older node
 */
public record OutboxMessage(
        long id,
        UUID eventId,
        String topic,
        String key,
        String eventType,
        IndexedRecord record,
        Instant createdAt,
        byte[] payload) {

    /** Whether the stored payload could be read into a record. */
    public boolean isReadable() {
        return record != null;
    }
}
