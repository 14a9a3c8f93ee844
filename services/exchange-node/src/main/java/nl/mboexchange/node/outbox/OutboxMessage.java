package nl.mboexchange.node.outbox;

import java.time.Instant;
import java.util.UUID;
import org.apache.avro.generic.IndexedRecord;

/**
 * A message waiting in the outbox to be published: an Avro record, with where it goes.
 *
 * @param id the position in the outbox; messages of one key are published in this order
 * @param eventId the event's id
 * @param topic the topic to publish to
 * @param key the Kafka record key: the enrolment id
 * @param eventType the record's name, e.g. {@code RegistrationAccepted}
 * @param record the Avro record to publish; {@code null} when the stored payload cannot be read, and the message can
 *     never be sent
 * @param createdAt when it was written to the outbox
 * @param payload the payload as stored: the record's Avro binary encoding, or for a message an older node wrote in JSON
 *     that could not be converted (migration V13), that JSON
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
