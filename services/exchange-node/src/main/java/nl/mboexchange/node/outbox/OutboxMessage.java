package nl.mboexchange.node.outbox;

import java.time.Instant;
import java.util.UUID;
import nl.mboexchange.node.enrolment.ExchangeEvent;
import org.apache.avro.generic.IndexedRecord;

/**
 * An event waiting in the outbox to be published: an exchange event, or an Avro record of another contract.
 *
 * @param id the position in the outbox; messages of one key are published in this order
 * @param eventId the event's id
 * @param topic the topic to publish to
 * @param key the Kafka record key: the enrolment id
 * @param eventType the event type, equal to its Avro record name
 * @param event the exchange event, or {@code null} when the message is a {@code record}
 * @param record the Avro record of another contract, or {@code null} when the message is an exchange {@code event}
 * @param createdAt when it was written to the outbox
 */
public record OutboxMessage(
        long id,
        UUID eventId,
        String topic,
        String key,
        String eventType,
        ExchangeEvent event,
        IndexedRecord record,
        Instant createdAt) {}
