package nl.mboexchange.node.enrolment.timeline;

import java.time.Instant;
import java.util.UUID;
import nl.mboexchange.node.enrolment.EnrolmentId;

/**
 * One event in an enrolment's timeline, as stored.
 *
 * @param enrolmentId the enrolment
 * @param eventId the event's id
 * @param direction whether this node received or sent it
 * @param type the event type, e.g. {@code RegistrationAccepted}
 * @param occurredAt when it happened at its sender
 * @param recordedAt when this node recorded it
 * @param summary a one-line account for a registrar
 * @param refusal why this node refused it, or {@code null} when it applied it
 * @param details the event's fields as a JSON object
 */
public record TimelineEntry(
        EnrolmentId enrolmentId,
        UUID eventId,
        EventDirection direction,
        String type,
        Instant occurredAt,
        Instant recordedAt,
        String summary,
        String refusal,
        String details) {}
