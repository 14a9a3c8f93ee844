package nl.mboexchange.node.messaging;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.mboexchange.node.enrolment.ExchangeEvent;
import nl.mboexchange.node.enrolment.application.ConsequenceSubscriber;
import nl.mboexchange.node.enrolment.application.Consequences;
import nl.mboexchange.node.kafka.ExchangeTopics;
import nl.mboexchange.node.outbox.OutboxPayloads;
import nl.mboexchange.node.outbox.OutboxRecord;
import nl.mboexchange.node.outbox.OutboxRepository;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Puts the exchange events a change sends in the outbox, each as its Avro record on the channel from its sender to its
 * recipient, keyed by enrolment id. Written whether or not this node publishes, so that a node that runs without Kafka
 * for a while sends them when it is back. Each event is numbered here, in the transaction that caused it: its position
 * in its enrolment's stream is one more than the last this node sent for that enrolment ({@link SentEvents}, which
 * also keeps the record to send again should the partner ask).
 */
@Component
@Order(3)
class ExchangeOutbox implements ConsequenceSubscriber {

    private final OutboxRepository outbox;
    private final ExchangeTopics topics;
    private final SentEvents sent;
    private final Clock clock;

    ExchangeOutbox(OutboxRepository outbox, ExchangeTopics topics, SentEvents sent, Clock clock) {
        this.outbox = outbox;
        this.topics = topics;
        this.sent = sent;
        this.clock = clock;
    }

    @Override
    public void follow(Consequences consequences) {
        List<ExchangeEvent> outgoing = consequences.outgoing();
        if (outgoing.isEmpty()) {
            return;
        }
        Map<UUID, Long> last = sent.lastPositions(
                outgoing.stream().map(event -> event.enrolmentId().value()).toList());
        List<OutboxRecord> records = new ArrayList<>(outgoing.size());
        List<SentEvents.Sent> kept = new ArrayList<>(outgoing.size());
        for (ExchangeEvent event : outgoing) {
            long position = last.merge(event.enrolmentId().value(), 1L, Long::sum);
            SpecificRecord record = AvroEvents.toAvro(event);
            Schema.Field field = record.getSchema().getField("position");
            if (field != null) {
                record.put(field.pos(), position);
            }
            String topic = topics.channel(event.sender(), event.recipient());
            // Encoded once, for the outbox and for the kept record alike.
            byte[] avro = OutboxPayloads.write(record);
            records.add(
                    new OutboxRecord(event.eventId(), topic, event.enrolmentId().toString(), record, avro));
            if (field != null) {
                kept.add(new SentEvents.Sent(
                        event.enrolmentId().value(),
                        position,
                        event.eventId(),
                        topic,
                        event.type(),
                        record.getSchema().getFullName(),
                        avro));
            }
        }
        sent.keep(kept, clock.instant());
        outbox.enqueue(records);
    }
}
