package nl.mboexchange.node.messaging;

import java.util.List;
import nl.mboexchange.node.enrolment.application.ConsequenceSubscriber;
import nl.mboexchange.node.enrolment.application.Consequences;
import nl.mboexchange.node.kafka.ExchangeTopics;
import nl.mboexchange.node.outbox.OutboxRecord;
import nl.mboexchange.node.outbox.OutboxRepository;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Puts the exchange events a change sends in the outbox, each as its Avro record on the channel from its sender to its
 * recipient, keyed by enrolment id. Written whether or not this node publishes, so that a node that runs without Kafka
 * for a while sends them when it is back.
 */
@Component
@Order(3)
class ExchangeOutbox implements ConsequenceSubscriber {

    private final OutboxRepository outbox;
    private final ExchangeTopics topics;

    ExchangeOutbox(OutboxRepository outbox, ExchangeTopics topics) {
        this.outbox = outbox;
        this.topics = topics;
    }

    @Override
    public void follow(Consequences consequences) {
        List<OutboxRecord> records = consequences.outgoing().stream()
                .map(event -> new OutboxRecord(
                        event.eventId(),
                        topics.channel(event.sender(), event.recipient()),
                        event.enrolmentId().toString(),
                        AvroEvents.toAvro(event)))
                .toList();
        outbox.enqueue(records);
    }
}
