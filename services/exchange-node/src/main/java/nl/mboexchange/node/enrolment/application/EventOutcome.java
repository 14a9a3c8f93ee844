package nl.mboexchange.node.enrolment.application;

import java.util.UUID;
import nl.mboexchange.node.shared.Refusal;

/**
 * What became of one received event: applied, a duplicate of one received before, refused, or held until the events
 * before it have arrived.
 */
public sealed interface EventOutcome {

    UUID eventId();

    /**
     * The event changed its enrolment; the change, its timeline entry and any reply (a receipt) are committed
     * together.
     *
     * @param eventId the event
     */
    record Applied(UUID eventId) implements EventOutcome {}

    /**
     * The event was received before (in an earlier batch or earlier in this one) and changed nothing now.
     *
     * @param eventId the event
     * @param earlierRefusal the refusal of the first delivery when that was refused, or {@code null} when it was
     *     applied: a caller that dead-letters refusals after commit dead-letters this one again, in case the first
     *     dead letter was lost
     */
    record Duplicate(UUID eventId, Refused earlierRefusal) implements EventOutcome {

        public boolean wasRefused() {
            return earlierRefusal != null;
        }
    }

    /**
     * The domain refused the event; nothing changed but the record of the refusal. The caller dead-letters it.
     *
     * @param eventId the event
     * @param code the kind of refusal, e.g. {@code TransitionNotAllowed}
     * @param reason the explanation
     */
    record Refused(UUID eventId, String code, String reason) implements EventOutcome {

        static Refused of(UUID eventId, Refusal refusal) {
            return new Refused(eventId, refusal.code(), refusal.getMessage());
        }
    }

    /**
     * The event came before one of its predecessors from the same sender, and waits for it: it is applied, in order, in
     * the transaction that applies the last missing one. Nothing changed yet, and nothing is to be dead-lettered.
     *
     * @param eventId the event
     */
    record Held(UUID eventId) implements EventOutcome {}
}
