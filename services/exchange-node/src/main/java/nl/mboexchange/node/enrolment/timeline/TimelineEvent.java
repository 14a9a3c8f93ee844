package nl.mboexchange.node.enrolment.timeline;

import static nl.mboexchange.node.shared.Require.present;

import java.time.Instant;
import nl.mboexchange.node.enrolment.ExchangeEvent;

/**
 * An event to add to its enrolment's timeline.
 *
 * @param event the event
 * @param direction whether it was received or sent
 * @param recordedAt when this node recorded it
 * @param refusal why this node refused a received event, or {@code null} when it applied it
 */
public record TimelineEvent(ExchangeEvent event, EventDirection direction, Instant recordedAt, String refusal) {

    public TimelineEvent {
        present(event, "event");
        present(direction, "direction");
        present(recordedAt, "recordedAt");
    }

    /** This node sent the event. */
    public static TimelineEvent sent(ExchangeEvent event, Instant at) {
        return new TimelineEvent(event, EventDirection.OUT, at, null);
    }

    /** This node received the event and applied it. */
    public static TimelineEvent received(ExchangeEvent event, Instant at) {
        return new TimelineEvent(event, EventDirection.IN, at, null);
    }

    /** This node received the event and refused it, for the reason given. */
    public static TimelineEvent refused(ExchangeEvent event, Instant at, String refusal) {
        return new TimelineEvent(event, EventDirection.IN, at, present(refusal, "refusal"));
    }

    /** The event changed its enrolment: sent, or received and applied. */
    public boolean applied() {
        return refusal == null;
    }
}
