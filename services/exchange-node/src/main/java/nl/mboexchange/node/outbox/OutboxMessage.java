package nl.mboexchange.node.outbox;

import java.time.Instant;
import java.util.UUID;
import nl.mboexchange.node.enrolment.ExchangeEvent;

/**
 * An event waiting in the outbox to be published.
 *
 * @param id the position in the outbox; messages of one key are published in this order
 * @param eventId the event's id
 * @param topic the topic to publish to
 * @param key the Kafka record key: the enrolment id
 * @param eventType the event type, equal to its Avro record name
 * @param event the event itself
 * @param createdAt when it was written to the outbox
 */
public record OutboxMessage(
        long id, UUID eventId, String topic, String key, String eventType, ExchangeEvent event, Instant createdAt) {}
