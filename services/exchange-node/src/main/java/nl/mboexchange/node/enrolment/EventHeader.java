package nl.mboexchange.node.enrolment;

import static nl.mboexchange.node.shared.Require.present;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import nl.mboexchange.node.school.SchoolCode;
import nl.mboexchange.node.shared.InvalidValue;
import nl.mboexchange.node.shared.Plausible;

/**
 * What every exchange event carries.
 *
 * @param eventId unique id of the event, chosen by the sender: the idempotency key
 * @param occurredAt when the change happened at the sender, to the millisecond as on the wire, within the {@link
 *     Plausible} instants
 * @param enrolmentId the enrolment the event belongs to, also its Kafka key
 * @param sender the school that sends the event
 * @param recipient the school the event is for
 */
public record EventHeader(
        UUID eventId, Instant occurredAt, EnrolmentId enrolmentId, SchoolCode sender, SchoolCode recipient) {

    public EventHeader {
        present(eventId, "eventId");
        Plausible.instant(occurredAt, "occurredAt");
        present(enrolmentId, "enrolmentId");
        present(sender, "senderSchool");
        present(recipient, "recipientSchool");
        if (sender.equals(recipient)) {
            throw new InvalidValue("recipientSchool", "an event cannot be sent by " + sender + " to itself");
        }
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The header of a new event with a fresh id. */
    public static EventHeader next(EnrolmentId enrolmentId, SchoolCode sender, SchoolCode recipient, Instant at) {
        return new EventHeader(UUID.randomUUID(), at, enrolmentId, sender, recipient);
    }
}
