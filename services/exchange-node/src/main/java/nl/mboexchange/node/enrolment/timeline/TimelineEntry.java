package nl.mboexchange.node.enrolment.timeline;

import static nl.mboexchange.node.shared.Require.present;

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
 * @param cause who caused it, or {@code null} when it was recorded before causes were kept
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
        String details,
        Cause cause) {

    /**
     * Who caused a timeline entry.
     *
     * @param kind {@code REGISTRAR}, {@code SIS_COMMAND} or {@code SCHOOL}
     * @param by the registrar's user name, the SIS's Kafka login, or the sending school's code
     * @param sisCommandId the SIS command's id, for a SIS command only
     * @param issuedBy who issued the SIS command in the SIS, as the command says; for a SIS command only, and may be
     *     {@code null} there too
     */
    public record Cause(String kind, String by, UUID sisCommandId, String issuedBy) {

        public Cause {
            present(kind, "kind");
            present(by, "by");
        }
    }
}
