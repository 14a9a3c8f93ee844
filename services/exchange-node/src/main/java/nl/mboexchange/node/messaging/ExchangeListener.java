package nl.mboexchange.node.messaging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import nl.mboexchange.node.deadletter.DeadLetters;
import nl.mboexchange.node.deadletter.DeadLetters.DeadLetter;
import nl.mboexchange.node.deadletter.DeadLetters.Reason;
import nl.mboexchange.node.deadletter.Replayer;
import nl.mboexchange.node.deadletter.StoredDeadLetter;
import nl.mboexchange.node.deadletter.StoredDeadLetter.Source;
import nl.mboexchange.node.enrolment.ExchangeEvent;
import nl.mboexchange.node.enrolment.application.EventOutcome;
import nl.mboexchange.node.enrolment.application.IncomingEventService;
import nl.mboexchange.node.intake.Bisection;
import nl.mboexchange.node.intake.Faults;
import nl.mboexchange.node.kafka.AvroCodec;
import nl.mboexchange.node.kafka.ExchangeTopics;
import nl.mboexchange.node.kafka.ExchangeTopics.Channel;
import nl.mboexchange.node.school.SchoolCode;
import nl.mboexchange.node.school.SchoolNetwork;
import nl.mboexchange.node.shared.Redacted;
import nl.mboexchange.node.shared.RefusalOutcome;
import nl.mboexchange.serde.AvroSerdeException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Takes in what other schools sent to this one, a poll at a time: decodes and checks each record against its
 * channel, applies the good ones in one transaction, dead-letters the rest, and only then lets the container commit
 * the offsets. A bad record never stops the others: one that fails to apply is carved out of its poll by {@link
 * Bisection} and dead-lettered as {@link Reason#UNPROCESSABLE}, and the rest is applied in order. A fault of the
 * infrastructure (registry or database away) fails the whole poll, which the container retries with back-off; the
 * event ids make the redo harmless. A dead letter is taken in again the same way when an operator replays it.
 */
class ExchangeListener implements BatchMessageListener<String, byte[]>, Replayer {

    private static final Logger log = LoggerFactory.getLogger(ExchangeListener.class);
    private static final int ATTEMPTS_ON_CONCURRENT_CHANGE = 3;

    private final AvroCodec codec;
    private final ExchangeTopics topics;
    private final SchoolCode self;
    private final SchoolNetwork network;
    private final IncomingEventService incoming;
    private final DeadLetters deadLetters;
    private final Bisection<Received, EventOutcome> bisection;

    ExchangeListener(
            AvroCodec codec,
            ExchangeTopics topics,
            SchoolCode self,
            SchoolNetwork network,
            IncomingEventService incoming,
            DeadLetters deadLetters,
            BooleanSupplier databaseAvailable) {
        this.codec = codec;
        this.topics = topics;
        this.self = self;
        this.network = network;
        this.incoming = incoming;
        this.deadLetters = deadLetters;
        this.bisection = new Bisection<>(this::apply, databaseAvailable);
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        deadLetters.send(Source.EXCHANGE, take(records).deadLetters());
    }

    @Override
    public Source source() {
        return Source.EXCHANGE;
    }

    @Override
    public ReplayOutcome replay(StoredDeadLetter letter) {
        Taken taken = take(List.of(letter.asRecord()));
        if (!taken.deadLetters().isEmpty()) {
            return new ReplayOutcome(false, taken.deadLetters().get(0).summary());
        }
        return new ReplayOutcome(
                true, taken.outcomes().get(0) instanceof EventOutcome.Duplicate ? "APPLIED BEFORE" : "APPLIED");
    }

    /** Takes the records in. */
    private Taken take(List<ConsumerRecord<String, byte[]>> records) {
        DeadLetter[] byRecord = new DeadLetter[records.size()];
        List<Received> received = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            try {
                received.add(new Received(i, record, check(record)));
            } catch (NotTaken refusal) {
                byRecord[i] = new DeadLetter(record, refusal.eventId, refusal.reason, null, refusal.getMessage());
            }
        }
        Bisection.Outcome<Received, EventOutcome> outcome = bisection.apply(received);
        List<EventOutcome> applied = new ArrayList<>();
        for (int i = 0; i < received.size(); i++) {
            Received one = received.get(i);
            EventOutcome result = outcome.results().get(i);
            if (result == null) {
                continue;
            }
            Optional<EventOutcome.Refused> refusal = refusalOf(result);
            if (refusal.isPresent()) {
                byRecord[one.index] = new DeadLetter(
                        one.record,
                        one.event.eventId(),
                        Reason.valueOf(RefusalOutcome.DEAD_LETTER_REASON),
                        refusal.get().code(),
                        refusal.get().reason());
            } else {
                applied.add(result);
            }
        }
        for (Bisection.Failed<Received> failed : outcome.failed()) {
            Received one = failed.item();
            byRecord[one.index] = new DeadLetter(
                    one.record,
                    one.event.eventId(),
                    Reason.UNPROCESSABLE,
                    Faults.sqlState(failed.failure()),
                    Faults.describe(failed.failure()));
        }
        return new Taken(
                applied, Arrays.stream(byRecord).filter(Objects::nonNull).toList());
    }

    /** The event in the record, or a refusal saying why the record is not one this node takes. */
    private ExchangeEvent check(ConsumerRecord<String, byte[]> record) {
        Channel channel = topics.parseChannel(record.topic())
                .filter(c -> c.to().equals(self))
                .orElseThrow(
                        () -> new NotTaken(Reason.FORGED, "topic " + record.topic() + " is not a channel to " + self));
        // Before anything is decoded: an ACL granted by mistake must not let a stranger in.
        if (!network.isMember(channel.from())) {
            throw new NotTaken(Reason.FORGED, "sender " + channel.from() + " is not a member of the network");
        }
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
        } catch (RuntimeException e) {
            // Decoding asks nothing but the registry, whose faults are the retriable ones above: this is the record's.
            throw new NotTaken(Reason.UNDECODABLE, Faults.describe(e));
        }
        ExchangeEvent event;
        try {
            event = AvroEvents.fromAvro(decoded);
        } catch (RuntimeException e) {
            // The dead letter's reason is logged and put in a header: only this node's own refusals say more than
            // the exception's class, as they are written without personal data.
            throw new NotTaken(Reason.INVALID, Redacted.message(e));
        }
        if (!event.sender().equals(channel.from())) {
            throw new NotTaken(
                    Reason.FORGED,
                    "sender " + event.sender() + " wrote on the channel of " + channel.from(),
                    event.eventId());
        }
        if (!event.recipient().equals(channel.to())) {
            throw new NotTaken(
                    Reason.FORGED,
                    "recipient " + event.recipient() + " on the channel to " + channel.to(),
                    event.eventId());
        }
        if (!event.enrolmentId().toString().equals(record.key())) {
            throw new NotTaken(
                    Reason.INVALID,
                    "key " + record.key() + " is not the enrolment id " + event.enrolmentId() + " of the event",
                    event.eventId());
        }
        return event;
    }

    private List<EventOutcome> apply(List<Received> received) {
        List<ExchangeEvent> events = received.stream().map(Received::event).toList();
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

    /** What became of a poll: the outcomes of the events taken in, and the records to dead-letter, in order. */
    private record Taken(List<EventOutcome> outcomes, List<DeadLetter> deadLetters) {}

    /** A record that decoded to an event, with its place in the poll. */
    private record Received(int index, ConsumerRecord<String, byte[]> record, ExchangeEvent event) {}

    /** A record this node does not take in. */
    private static final class NotTaken extends RuntimeException {
        private final Reason reason;
        private final transient UUID eventId;

        NotTaken(Reason reason, String detail) {
            this(reason, detail, null);
        }

        NotTaken(Reason reason, String detail, UUID eventId) {
            super(detail, null, false, false);
            this.reason = reason;
            this.eventId = eventId;
        }
    }
}
