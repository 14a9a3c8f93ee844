package nl.mboexchange.node.outbox;

import static nl.mboexchange.node.shared.Require.present;

import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/**
 * A message for the outbox that is not an exchange event: a record of another Avro contract, such as an update on a
 * school's own events topic, with the topic and key it goes to.
 *
 * @param messageId the message's unique id, as the record carries it
 * @param topic the topic to publish to
 * @param key the Kafka record key
 * @param record the record, published as it is
 */
public record OutboxRecord(UUID messageId, String topic, String key, SpecificRecord record) {

    public OutboxRecord {
        present(messageId, "messageId");
        present(topic, "topic");
        present(key, "key");
        present(record, "record");
    }

    /** The record's name, e.g. {@code EnrolmentUpdate}, as the outbox keeps it for metrics and headers. */
    public String type() {
        return record.getSchema().getName();
    }
}
