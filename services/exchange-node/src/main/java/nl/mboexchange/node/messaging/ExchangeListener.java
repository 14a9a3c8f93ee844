package nl.mboexchange.node.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.mboexchange.node.enrolment.ExchangeEvent;
import nl.mboexchange.node.enrolment.application.EventOutcome;
import nl.mboexchange.node.enrolment.application.IncomingEventService;
import nl.mboexchange.node.messaging.DeadLetters.DeadLetter;
import nl.mboexchange.node.messaging.DeadLetters.Reason;
import nl.mboexchange.node.messaging.ExchangeTopics.Channel;
import nl.mboexchange.node.school.SchoolCode;
import nl.mboexchange.serde.AvroSerdeException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Takes in what other schools sent to this one, a poll at a time: decodes and checks each record against its
 * channel, applies the good ones in one transaction, dead-letters the rest, and only then lets the container commit
 * the offsets. A bad record never stops the others; a fault of the infrastructure (registry or database away) fails
 * the whole poll, which is then redone, and the event ids make the redo harmless.
 */
class ExchangeListener implements BatchMessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(ExchangeListener.class);
    private static final int ATTEMPTS_ON_CONCURRENT_CHANGE = 3;

    private final AvroCodec codec;
    private final ExchangeTopics topics;
    private final SchoolCode self;
    private final IncomingEventService incoming;
    private final DeadLetters deadLetters;

    ExchangeListener(
            AvroCodec codec,
            ExchangeTopics topics,
            SchoolCode self,
            IncomingEventService incoming,
            DeadLetters deadLetters) {
        this.codec = codec;
        this.topics = topics;
        this.self = self;
        this.incoming = incoming;
        this.deadLetters = deadLetters;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        List<ConsumerRecord<String, byte[]>> received = new ArrayList<>(records.size());
        List<ExchangeEvent> events = new ArrayList<>(records.size());
        List<DeadLetter> refused = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(check(record));
                received.add(record);
            } catch (NotTaken refusal) {
                refused.add(new DeadLetter(record, refusal.reason, null, refusal.getMessage()));
            }
        }
        List<EventOutcome> outcomes = apply(events);
        for (int i = 0; i < outcomes.size(); i++) {
            ConsumerRecord<String, byte[]> record = received.get(i);
            refusalOf(outcomes.get(i))
                    .ifPresent(r -> refused.add(new DeadLetter(record, Reason.REFUSED, r.code(), r.reason())));
        }
        deadLetters.send(refused);
    }

    /** The event in the record, or a refusal saying why the record is not one this node takes. */
    private ExchangeEvent check(ConsumerRecord<String, byte[]> record) {
        Channel channel = topics.parseChannel(record.topic())
                .filter(c -> c.to().equals(self))
                .orElseThrow(
                        () -> new NotTaken(Reason.FORGED, "topic " + record.topic() + " is not a channel to " + self));
        if (record.value() == null) {
            throw new NotTaken(Reason.INVALID, "the record has no value");
        }
        Object decoded;
        try {
            decoded = codec.decode(record.topic(), record.headers(), record.value());
        } catch (AvroSerdeException e) {
            if (e.isRetriable()) {
                throw e;
            }
            throw new NotTaken(Reason.UNDECODABLE, e.getMessage());
        }
        ExchangeEvent event;
        try {
            event = AvroEvents.fromAvro(decoded);
        } catch (RuntimeException e) {
            throw new NotTaken(Reason.INVALID, e.getMessage());
        }
        if (!event.sender().equals(channel.from())) {
            throw new NotTaken(
                    Reason.FORGED, "sender " + event.sender() + " wrote on the channel of " + channel.from());
        }
        if (!event.recipient().equals(channel.to())) {
            throw new NotTaken(Reason.FORGED, "recipient " + event.recipient() + " on the channel to " + channel.to());
        }
        if (!event.enrolmentId().toString().equals(record.key())) {
            throw new NotTaken(
                    Reason.INVALID,
                    "key " + record.key() + " is not the enrolment id " + event.enrolmentId() + " of the event");
        }
        return event;
    }

    private List<EventOutcome> apply(List<ExchangeEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return incoming.apply(events);
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS_ON_CONCURRENT_CHANGE) {
                    throw e;
                }
                log.debug("An enrolment changed while the batch was applied; applying it again", e);
            }
        }
    }

    private static Optional<EventOutcome.Refused> refusalOf(EventOutcome outcome) {
        if (outcome instanceof EventOutcome.Refused refused) {
            return Optional.of(refused);
        }
        if (outcome instanceof EventOutcome.Duplicate duplicate && duplicate.earlierRefusal() != null) {
            return Optional.of(duplicate.earlierRefusal());
        }
        return Optional.empty();
    }

    /** A record this node does not take in. */
    private static final class NotTaken extends RuntimeException {
        private final Reason reason;

        NotTaken(Reason reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }
}
