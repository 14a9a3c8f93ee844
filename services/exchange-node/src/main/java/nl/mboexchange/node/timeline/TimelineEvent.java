package nl.mboexchange.node.timeline;

import static nl.mboexchange.node.shared.Require.present;

import java.time.Instant;
import nl.mboexchange.node.enrolment.Enrolment;
import nl.mboexchange.node.enrolment.EnrolmentRole;
import nl.mboexchange.node.enrolment.EnrolmentStatus;
import nl.mboexchange.node.enrolment.ExchangeEvent;

/**
 * An event to add to its enrolment's timeline.
 *
 * @param event the event
 * @param direction whether it was received or sent
 * @param recordedAt when this node recorded it
 * @param refusal why this node refused a received event, or {@code null} when it applied it
 * @param role this node's side of the enrolment, or {@code null} for a refused event
 * @param status the enrolment's status right after the event, or {@code null} for a refused event; taken when the
 *     event is recorded, since later events of the same batch may change the enrolment again
 */
public record TimelineEvent(
        ExchangeEvent event,
        Direction direction,
        Instant recordedAt,
        String refusal,
        EnrolmentRole role,
        EnrolmentStatus status) {

    public TimelineEvent {
        present(event, "event");
        present(direction, "direction");
        present(recordedAt, "recordedAt");
        if (refusal == null) {
            present(role, "role");
            present(status, "status");
        }
    }

    /** The enrolment sent the event, and is now as given. */
    public static TimelineEvent sent(ExchangeEvent event, Enrolment enrolment, Instant at) {
        return new TimelineEvent(event, Direction.OUT, at, null, enrolment.role(), enrolment.status());
    }

    /** The enrolment received and applied the event, and is now as given. */
    public static TimelineEvent received(ExchangeEvent event, Enrolment enrolment, Instant at) {
        return new TimelineEvent(event, Direction.IN, at, null, enrolment.role(), enrolment.status());
    }

    public static TimelineEvent refused(ExchangeEvent event, Instant at, String refusal) {
        return new TimelineEvent(event, Direction.IN, at, present(refusal, "refusal"), null, null);
    }

    /** The event changed its enrolment: sent, or received and applied. */
    public boolean applied() {
        return refusal == null;
    }
}
