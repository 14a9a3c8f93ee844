package nl.mboexchange.node.console;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.mboexchange.node.enrolment.EnrolmentStatus;
import nl.mboexchange.node.enrolment.timeline.EventDirection;
import nl.mboexchange.node.enrolment.timeline.TimelineEntry;

/**
 * What this node knows of an enrolment's status at the other school. Schools tell each other events, not statuses,
 * so it is read from the events received: the status the other school was in when it sent the latest of them. Both
 * schools arrive at the same status once each has processed what the other sent; until then the page says so.
 *
 * @param reported the other school's status as its events show it, or {@code null} when it has sent nothing yet
 * @param reportedAt when it sent the latest of those events, or {@code null}
 */
public record CounterpartStatus(EnrolmentStatus reported, Instant reportedAt) {

    /**
     * Reads the timeline.
     *
     * @param timeline the enrolment's timeline, oldest first
     * @param finalReceipts the ids of the receipts that acknowledged a final result: with one of those, the home
     *     school completed the enrolment
     */
    static CounterpartStatus of(List<TimelineEntry> timeline, Set<UUID> finalReceipts) {
        EnrolmentStatus reported = null;
        Instant at = null;
        for (TimelineEntry entry : timeline) {
            if (entry.direction() != EventDirection.IN || entry.refusal() != null) {
                continue;
            }
            EnrolmentStatus shown = shownBy(entry, reported, finalReceipts);
            if (shown != null) {
                reported = shown;
                at = entry.occurredAt();
            }
        }
        return new CounterpartStatus(reported, at);
    }

    /** The other school has not yet caught up with this node: it has not processed all that this node sent. */
    public boolean behind(EnrolmentStatus own) {
        return reported != own;
    }

    private static EnrolmentStatus shownBy(TimelineEntry entry, EnrolmentStatus before, Set<UUID> finalReceipts) {
        return switch (entry.type()) {
            case "RegistrationRequested" -> EnrolmentStatus.REQUESTED;
            case "RegistrationAccepted" -> EnrolmentStatus.ACCEPTED;
            case "RegistrationRejected" -> EnrolmentStatus.REJECTED;
            case "RegistrationWithdrawn" -> EnrolmentStatus.WITHDRAWN;
            // Only the host records results, and it stays ACCEPTED until the home school's final receipt arrives.
            case "CourseResultRecorded", "CourseResultRevoked" -> EnrolmentStatus.ACCEPTED;
            // The home school completes the enrolment when it acknowledges a final result, and stays completed.
            case "ResultAcknowledged" ->
                finalReceipts.contains(entry.eventId()) || before == EnrolmentStatus.COMPLETED
                        ? EnrolmentStatus.COMPLETED
                        : EnrolmentStatus.ACCEPTED;
            default -> null;
        };
    }
}
