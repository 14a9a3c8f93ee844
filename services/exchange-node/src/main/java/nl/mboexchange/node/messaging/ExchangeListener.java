package nl.mboexchange.node.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import nl.mboexchange.exchange.ReconciliationRequested;
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
import nl.mboexchange.node.shared.InvalidValue;
import nl.mboexchange.node.shared.Redacted;
import nl.mboexchange.node.shared.RefusalOutcome;
import nl.mboexchange.serde.AvroSerdeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in what other schools sent to this one, a poll at a time: decodes and checks each record against its
 * channel, applies the good ones in one transaction in the order their senders numbered them ({@link InOrder}, which
 * holds an event that came before its predecessors), dead-letters the rest, and only then lets the container commit
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
    private final TransactionTemplate transactions;
    private final InOrder inOrder;
    private final Reconciliation reconciliation;

    ExchangeListener(
            AvroCodec codec,
            ExchangeTopics topics,
            SchoolCode self,
            SchoolNetwork network,
            IncomingEventService incoming,
            DeadLetters deadLetters,
            BooleanSupplier databaseAvailable,
            TransactionTemplate transactions,
            ReceivedStreams streams,
            Clock clock,
            MeterRegistry meters,
            Reconciliation reconciliation) {
        this.codec = codec;
        this.topics = topics;
        this.self = self;
        this.network = network;
        this.incoming = incoming;
        this.deadLetters = deadLetters;
        this.bisection = new Bisection<>(this::apply, databaseAvailable);
        this.transactions = transactions;
        this.inOrder = new InOrder(streams, this::heldEvent, clock, meters);
        this.reconciliation = reconciliation;
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
        if (taken.outcomes().isEmpty()) {
            return new ReplayOutcome(true, "ANSWERED");
        }
        EventOutcome outcome = taken.outcomes().get(0);
        return new ReplayOutcome(
                true,
                outcome instanceof EventOutcome.Duplicate
                        ? "APPLIED BEFORE"
                        : outcome instanceof EventOutcome.Held ? "HELD UNTIL ITS PREDECESSORS ARRIVE" : "APPLIED");
    }

    /** Takes the records in. */
    private Taken take(List<ConsumerRecord<String, byte[]>> records) {
        DeadLetter[] byRecord = new DeadLetter[records.size()];
        List<Received> received = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            try {
                Checked checked = check(record);
                if (checked.request() != null) {
                    byRecord[i] = answer(record, checked.request());
                    continue;
                }
                received.add(new Received(i, record, checked.event(), checked.position()));
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
    private Checked check(ConsumerRecord<String, byte[]> record) {
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
            if (decoded instanceof ReconciliationRequested request) {
                return new Checked(null, null, checkRequest(channel, record, request));
            }
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
        Long position;
        try {
            event = AvroEvents.fromAvro(decoded);
            position = positionOf(decoded);
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
        return new Checked(event, position, null);
    }

    private ReconciliationRequested checkRequest(
            Channel channel, ConsumerRecord<String, byte[]> record, ReconciliationRequested request) {
        if (!channel.from().value().equals(request.getSenderSchool())) {
            throw new NotTaken(
                    Reason.FORGED,
                    "reconciliation request of " + request.getSenderSchool() + " on the channel of " + channel.from(),
                    request.getEventId());
        }
        if (!channel.to().value().equals(request.getRecipientSchool())) {
            throw new NotTaken(
                    Reason.FORGED,
                    "reconciliation request to " + request.getRecipientSchool() + " on the channel to " + channel.to(),
                    request.getEventId());
        }
        if (!channel.from().value().equals(record.key())) {
            throw new NotTaken(
                    Reason.INVALID,
                    "key " + record.key() + " of a reconciliation request is not the sender's code",
                    request.getEventId());
        }
        return request;
    }

    /**
     * Answers a partner's reconciliation request; a fault of the infrastructure fails the poll, to be retried, and
     * any other leaves a dead letter.
     *
     * @return the dead letter, or {@code null} when it was answered
     */
    private DeadLetter answer(ConsumerRecord<String, byte[]> record, ReconciliationRequested request) {
        try {
            reconciliation.answer(SchoolCode.of(request.getSenderSchool()), request);
            return null;
        } catch (RuntimeException e) {
            if (Faults.isInfrastructure(e)) {
                throw e;
            }
            return new DeadLetter(
                    record, request.getEventId(), Reason.UNPROCESSABLE, Faults.sqlState(e), Faults.describe(e));
        }
    }

    /**
     * The event's position in its enrolment's stream from its sender, or {@code null} when the sender does not number
     * its events.
     */
    private static Long positionOf(Object decoded) {
        if (!(decoded instanceof IndexedRecord record)) {
            return null;
        }
        Schema.Field field = record.getSchema().getField("position");
        if (field == null || record.get(field.pos()) == null) {
            return null;
        }
        long position = ((Number) record.get(field.pos())).longValue();
        if (position < 1) {
            throw new InvalidValue("position", "is " + position + ", not 1 or more");
        }
        return position;
    }

    /** A held event, taken in again from the record it came in, as it was checked when it arrived. */
    private ExchangeEvent heldEvent(ReceivedStreams.HeldRecord held) {
        var record = new ConsumerRecord<>(
                held.topic(),
                held.partition(),
                held.offset(),
                held.stream().enrolmentId().toString(),
                held.value());
        try {
            return check(record).event();
        } catch (NotTaken e) {
            throw new IllegalStateException(
                    "held event " + held.eventId() + " is no longer taken in: " + e.getMessage(), e);
        }
    }

    private List<EventOutcome> apply(List<Received> received) {
        List<InOrder.Positioned> events = received.stream()
                .map(one -> new InOrder.Positioned(one.event(), one.position(), one.record()))
                .toList();
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> applyInOrder(events));
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS_ON_CONCURRENT_CHANGE) {
                    throw e;
                }
                log.debug("An enrolment changed while the batch was applied; applying it again", e);
            }
        }
    }

    /** Applies the events in their senders' order, holding those that came early, in one transaction. */
    private List<EventOutcome> applyInOrder(List<InOrder.Positioned> events) {
        InOrder.Arrangement arrangement = inOrder.arrange(events);
        List<EventOutcome> applied =
                arrangement.toApply().isEmpty() ? List.of() : incoming.apply(arrangement.toApply());
        List<EventOutcome> outcomes = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            outcomes.add(
                    arrangement.isHeld(i)
                            ? new EventOutcome.Held(events.get(i).event().eventId())
                            : applied.get(arrangement.placeOf()[i]));
        }
        return outcomes;
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

    /** A record that decoded to an event, with its place in the poll and its position in its enrolment's stream. */
    private record Received(int index, ConsumerRecord<String, byte[]> record, ExchangeEvent event, Long position) {}

    /** A record's event, checked against its channel, with its position; or a partner's reconciliation request. */
    private record Checked(ExchangeEvent event, Long position, ReconciliationRequested request) {}

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
