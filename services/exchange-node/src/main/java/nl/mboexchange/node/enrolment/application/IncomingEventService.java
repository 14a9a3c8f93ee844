package nl.mboexchange.node.enrolment.application;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.mboexchange.node.enrolment.CourseResultRecorded;
import nl.mboexchange.node.enrolment.CourseResultRevoked;
import nl.mboexchange.node.enrolment.Enrolment;
import nl.mboexchange.node.enrolment.EnrolmentAlreadyExists;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.EnrolmentNotFound;
import nl.mboexchange.node.enrolment.EnrolmentRepository;
import nl.mboexchange.node.enrolment.ErasureConfirmed;
import nl.mboexchange.node.enrolment.ErasureRequested;
import nl.mboexchange.node.enrolment.ExchangeEvent;
import nl.mboexchange.node.enrolment.RegistrationAccepted;
import nl.mboexchange.node.enrolment.RegistrationRejected;
import nl.mboexchange.node.enrolment.RegistrationRequested;
import nl.mboexchange.node.enrolment.RegistrationWithdrawn;
import nl.mboexchange.node.enrolment.ResultAcknowledged;
import nl.mboexchange.node.enrolment.timeline.TimelineEvent;
import nl.mboexchange.node.school.SchoolCode;
import nl.mboexchange.node.shared.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the events other schools sent to this one, a batch at a time, in one transaction.
 *
 * <p>The events are applied to their enrolments in memory, one by one in the given order; the domain checks every
 * rule before it changes anything, so a refused event leaves its enrolment as it was and the others go on. Only
 * then is the batch written, set-based: the processed event ids and the changed enrolments, and what they caused (their
 * timelines, the replies such as receipts) as one {@link Consequences} value to its subscribers. An erasure request
 * from a home school erases the student's personal data of its enrolment from everything the node stores ({@link
 * PersonalData}) in the same transaction as the confirmation it sends back.
 */
@Service
public class IncomingEventService {

    private final ProcessedEvents processedEvents;
    private final EnrolmentRepository enrolments;
    private final ConsequenceDispatch consequences;
    private final PersonalData personalData;
    private final SchoolCode self;
    private final Clock clock;
    private final MeterRegistry meters;

    IncomingEventService(
            ProcessedEvents processedEvents,
            EnrolmentRepository enrolments,
            ConsequenceDispatch consequences,
            PersonalData personalData,
            SchoolCode self,
            Clock clock,
            MeterRegistry meters) {
        this.processedEvents = processedEvents;
        this.enrolments = enrolments;
        this.consequences = consequences;
        this.personalData = personalData;
        this.self = self;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Applies a batch of received events, already decoded and checked against the channel they arrived on.
     *
     * @param events the events in the order they were received; events of one enrolment must keep their order
     * @return one outcome per event, in the same order: the caller dead-letters the refused ones and commits its
     *     offsets after this returns
     * @throws org.springframework.dao.OptimisticLockingFailureException when an enrolment changed concurrently;
     *     nothing is committed and the whole batch can be applied again
     */
    @Transactional
    public List<EventOutcome> apply(List<? extends ExchangeEvent> events) {
        Instant now = clock.instant();
        Map<UUID, ExchangeEvent> firstOfEach = new HashMap<>();
        List<ExchangeEvent> distinct = new ArrayList<>();
        for (ExchangeEvent event : events) {
            if (firstOfEach.putIfAbsent(event.eventId(), event) == null) {
                distinct.add(event);
            }
        }
        Set<UUID> claimed = processedEvents.claim(distinct, now);
        List<UUID> receivedBefore = distinct.stream()
                .map(ExchangeEvent::eventId)
                .filter(id -> !claimed.contains(id))
                .toList();
        Map<UUID, EventOutcome.Refused> earlierRefusals =
                receivedBefore.isEmpty() ? Map.of() : processedEvents.refusalsAmong(receivedBefore);

        Batch batch = new Batch(now);
        List<ExchangeEvent> toApply = distinct.stream()
                .filter(event -> claimed.contains(event.eventId()))
                .toList();
        batch.load(toApply);
        toApply.forEach(batch::apply);
        batch.write();

        List<EventOutcome> outcomes = new ArrayList<>(events.size());
        Set<UUID> reported = new HashSet<>();
        for (ExchangeEvent event : events) {
            UUID id = event.eventId();
            EventOutcome outcome;
            if (!claimed.contains(id)) {
                outcome = new EventOutcome.Duplicate(id, earlierRefusals.get(id));
            } else if (!reported.add(id)) {
                EventOutcome first = batch.outcomes.get(id);
                outcome = new EventOutcome.Duplicate(id, first instanceof EventOutcome.Refused r ? r : null);
            } else {
                outcome = batch.outcomes.get(id);
            }
            outcomes.add(outcome);
            count(event, outcome);
        }
        return outcomes;
    }

    private void count(ExchangeEvent event, EventOutcome outcome) {
        String kind = outcome.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        meters.counter("mbo.events.received", "type", event.type(), "outcome", kind)
                .increment();
    }

    /** The state of one batch while it is applied in memory. */
    private final class Batch {

        private final Instant now;
        private final Map<UUID, EventOutcome> outcomes = new HashMap<>();
        private final Set<Enrolment> changed = new LinkedHashSet<>();
        private final List<Consequences.Entry> timelineEvents = new ArrayList<>();
        private final List<ExchangeEvent> replies = new ArrayList<>();
        private final List<EventOutcome.Refused> refusals = new ArrayList<>();
        private final Set<EnrolmentId> erased = new LinkedHashSet<>();
        private Map<EnrolmentId, Enrolment> enrolmentsById = new HashMap<>();

        Batch(Instant now) {
            this.now = now;
        }

        void load(List<ExchangeEvent> toApply) {
            if (!toApply.isEmpty()) {
                enrolmentsById = enrolments.findAllById(toApply.stream()
                        .map(ExchangeEvent::enrolmentId)
                        .distinct()
                        .toList());
            }
        }

        void apply(ExchangeEvent event) {
            try {
                Enrolment enrolment = applyTo(event);
                Origin origin = new Origin.School(event.sender());
                changed.add(enrolment);
                timelineEvents.add(new Consequences.Entry(
                        TimelineEvent.received(event, now), origin, enrolment.role(), enrolment.status()));
                for (ExchangeEvent reply : enrolment.releaseEvents()) {
                    timelineEvents.add(Consequences.Entry.sent(TimelineEvent.sent(reply, now), origin, enrolment));
                    replies.add(reply);
                }
                outcomes.put(event.eventId(), new EventOutcome.Applied(event.eventId()));
            } catch (Refusal refusal) {
                EventOutcome.Refused refused = EventOutcome.Refused.of(event.eventId(), refusal);
                outcomes.put(event.eventId(), refused);
                refusals.add(refused);
                Enrolment enrolment = enrolmentsById.get(event.enrolmentId());
                // Recorded in the timeline of the enrolment it was meant for, unless it did not come from the other
                // side of that enrolment: a stranger's event does not belong in its history.
                if (enrolment != null && enrolment.isCounterpart(event.sender())) {
                    timelineEvents.add(new Consequences.Entry(
                            TimelineEvent.refused(event, now, refused.code() + ": " + refused.reason()),
                            new Origin.School(event.sender()),
                            null,
                            null));
                }
            }
        }

        void write() {
            // Enrolments first: a new one must exist before its timeline, and the row lock of a changed one orders
            // this batch's outbox messages after those of any transaction that changed it before.
            enrolments.saveAll(changed);
            consequences.dispatch(new Consequences(List.copyOf(changed), timelineEvents, replies));
            personalData.erase(erased, now);
            processedEvents.recordRefusals(refusals);
        }

        private Enrolment applyTo(ExchangeEvent event) {
            return event.accept(new ExchangeEvent.Visitor<>() {
                @Override
                public Enrolment requested(RegistrationRequested requested) {
                    if (enrolmentsById.containsKey(requested.enrolmentId())) {
                        throw new EnrolmentAlreadyExists(requested.enrolmentId());
                    }
                    Enrolment created = Enrolment.receiveRequest(requested, self, now);
                    enrolmentsById.put(created.id(), created);
                    return created;
                }

                @Override
                public Enrolment accepted(RegistrationAccepted accepted) {
                    Enrolment enrolment = existing(accepted);
                    enrolment.receiveAcceptance(accepted, now);
                    return enrolment;
                }

                @Override
                public Enrolment rejected(RegistrationRejected rejected) {
                    Enrolment enrolment = existing(rejected);
                    enrolment.receiveRejection(rejected, now);
                    return enrolment;
                }

                @Override
                public Enrolment withdrawn(RegistrationWithdrawn withdrawn) {
                    Enrolment enrolment = existing(withdrawn);
                    enrolment.receiveWithdrawal(withdrawn, now);
                    return enrolment;
                }

                @Override
                public Enrolment resultRecorded(CourseResultRecorded recorded) {
                    Enrolment enrolment = existing(recorded);
                    enrolment.receiveResult(recorded, now);
                    return enrolment;
                }

                @Override
                public Enrolment resultRevoked(CourseResultRevoked revoked) {
                    Enrolment enrolment = existing(revoked);
                    enrolment.receiveRevocation(revoked, now);
                    return enrolment;
                }

                @Override
                public Enrolment resultAcknowledged(ResultAcknowledged receipt) {
                    Enrolment enrolment = existing(receipt);
                    enrolment.receiveReceipt(receipt, now);
                    return enrolment;
                }

                @Override
                public Enrolment erasureRequested(ErasureRequested request) {
                    Enrolment enrolment = existing(request);
                    enrolment.receiveErasureRequest(request, now);
                    erased.add(enrolment.id());
                    return enrolment;
                }

                @Override
                public Enrolment erasureConfirmed(ErasureConfirmed confirmation) {
                    Enrolment enrolment = existing(confirmation);
                    enrolment.receiveErasureConfirmation(confirmation, now);
                    return enrolment;
                }
            });
        }

        private Enrolment existing(ExchangeEvent event) {
            Enrolment enrolment = enrolmentsById.get(event.enrolmentId());
            if (enrolment == null) {
                throw new EnrolmentNotFound(event.enrolmentId());
            }
            return enrolment;
        }
    }
}
