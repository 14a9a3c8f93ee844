package nl.mboexchange.node.disclosure;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a home school tells a student who asks which of their data it gave to which school (AVG art. 15): for each
 * enrolment it requested for them, the host school, every event that carried the student's data there with the
 * fields it carried and when, what this node still holds itself, and whether the host confirmed erasure.
 *
 * @param exchangeId the student's exchange id, the pseudonym under which the schools know them
 * @param school the home school that produced the report
 * @param producedAt when the report was produced
 * @param enrolments every enrolment the home school requested for the student, oldest first
 */
public record DisclosureReport(UUID exchangeId, String school, Instant producedAt, List<Enrolment> enrolments) {

    public DisclosureReport {
        enrolments = List.copyOf(enrolments);
    }

    /**
     * One enrolment at one host school.
     *
     * @param enrolmentId the enrolment
     * @param hostSchool the school that received the data
     * @param courseCode the course the student was enrolled in
     * @param courseTitle its title
     * @param status the enrolment's status now
     * @param disclosures every event that carried the student's data to the host, in order
     * @param heldHere what this node itself still holds of the student
     * @param erasureAtHost whether the host has been asked to erase its copy, and whether it confirmed
     */
    public record Enrolment(
            UUID enrolmentId,
            String hostSchool,
            String courseCode,
            String courseTitle,
            String status,
            List<Disclosure> disclosures,
            HeldHere heldHere,
            Erasure erasureAtHost) {

        public Enrolment {
            disclosures = List.copyOf(disclosures);
        }
    }

    /**
     * One event that carried the student's data to another school.
     *
     * @param recipient the school it went to
     * @param eventType the event, e.g. {@code RegistrationRequested}
     * @param eventId the event's id, which the recipient's node records too
     * @param sentAt when this node committed the event for sending; it leaves within seconds while the network is up
     * @param fields which of the student's fields it carried, e.g. {@code givenName}, {@code email}
     */
    public record Disclosure(String recipient, String eventType, UUID eventId, Instant sentAt, List<String> fields) {

        public Disclosure {
            fields = List.copyOf(fields);
        }
    }

    /**
     * What this node holds of the student on this enrolment: the exchange id and the results always; the contact
     * data and the name and date of birth until the retention periods after the enrolment closed.
     *
     * @param fields the student's fields this node still holds
     * @param contactDataRemovedAt when the retention job removed the e-mail address, if it did
     * @param personalDataRemovedAt when it removed the name and date of birth, if it did
     */
    public record HeldHere(List<String> fields, Instant contactDataRemovedAt, Instant personalDataRemovedAt) {

        public HeldHere {
            fields = List.copyOf(fields);
        }
    }

    /**
     * Erasure at the host school (AVG art. 17), and how long the copies in Kafka of what was sent there live.
     *
     * @param status where erasure stands
     * @param requestedAt when this school erased its own copy and asked the host to erase theirs; null until then
     * @param confirmedAt when the host confirmed it erased its copy; null until then
     * @param receiptEventId the host's confirmation ({@code ErasureConfirmed}), which its node records too; null
     *     until then
     * @param kafkaCopiesExpireBy by when the copies in Kafka of the events that carried the student to the host have
     *     expired at the latest, whether or not erasure was asked: they are not erased but outlive their sending by the
     *     channel's retention at most; null when no event carried the student
     */
    public record Erasure(
            ErasureStatus status,
            Instant requestedAt,
            Instant confirmedAt,
            UUID receiptEventId,
            Instant kafkaCopiesExpireBy) {}

    /** Where erasure at a host stands. */
    public enum ErasureStatus {
        /** Nobody asked for erasure. */
        NOT_REQUESTED,
        /** This school erased its copy and asked the host, which has not confirmed yet. */
        REQUESTED,
        /** The host confirmed that it erased its copy. */
        CONFIRMED
    }
}
