package nl.mboexchange.node.streams;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.mboexchange.node.school.SchoolCode;

/**
 * Each enrolment's events between two schools form a stream per sender, numbered from 1. This is what an operator can
 * see of those streams, and what they can start: the events this node holds because they arrived before one of their
 * predecessors, and a reconciliation with a partner school.
 */
public interface EnrolmentStreams {

    /** The held events, oldest first, at most {@code limit}. */
    List<HeldEvent> held(int limit);

    /**
     * Asks partner schools for what this node misses: for each, one request on the channel to it listing, per
     * enrolment shared with it, the position up to which this node has received its events without a gap. The
     * partner sends again whatever comes after.
     *
     * @param partner the school to ask, or {@code null} for every member this node shares an enrolment with
     * @return the requests sent, one per school asked
     */
    List<Requested> reconcile(SchoolCode partner);

    /**
     * An event that arrived before one of its predecessors, waiting for them.
     *
     * @param enrolmentId its enrolment
     * @param sender the school that sent it
     * @param position its position in the enrolment's stream from that school
     * @param receivedUpTo the position up to which that stream has been applied without a gap
     * @param eventId the event's id
     * @param eventType the event's type, e.g. {@code RegistrationWithdrawn}
     * @param topic the channel it came on
     * @param partition its partition
     * @param offset its offset
     * @param heldAt when this node held it
     */
    record HeldEvent(
            UUID enrolmentId,
            String sender,
            long position,
            long receivedUpTo,
            UUID eventId,
            String eventType,
            String topic,
            int partition,
            long offset,
            Instant heldAt) {}

    /**
     * A reconciliation request sent.
     *
     * @param partner the school asked
     * @param requestId the request's id
     * @param enrolments the enrolments it lists
     */
    record Requested(String partner, UUID requestId, int enrolments) {}
}
