package nl.mboexchange.node.outbox;

import static java.util.Objects.requireNonNull;

import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * A message for the outbox: an Avro record of any contract (an exchange event's, an update on a school's own events
 * topic), with the topic and key it goes to. Which record stands for what is the business of whoever writes it.
 *
 * @param messageId the message's unique id, as the record carries it
 * @param topic the topic to publish to
 * @param key the Kafka record key
 * @param record the record, published as it is
 * @param avro the record in Avro's binary encoding ({@link OutboxPayloads#write}), as the outbox keeps it
 */
public record OutboxRecord(UUID messageId, String topic, String key, SpecificRecord record, byte[] avro) {

    public OutboxRecord {
        requireNonNull(messageId, "messageId");
        requireNonNull(topic, "topic");
        requireNonNull(key, "key");
        requireNonNull(record, "record");
        requireNonNull(avro, "avro");
    }

    /** A message for the outbox, its record encoded here. */
    public OutboxRecord(UUID messageId, String topic, String key, SpecificRecord record) {
        this(messageId, topic, key, record, OutboxPayloads.write(record));
    }

    /** The record's name, e.g. {@code EnrolmentUpdate}, as the outbox keeps it for metrics and headers. */
    public String type() {
        return record.getSchema().getName();
    }
}
