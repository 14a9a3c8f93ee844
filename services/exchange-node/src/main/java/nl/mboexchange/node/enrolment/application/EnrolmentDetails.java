package nl.mboexchange.node.enrolment.application;

import java.util.List;
import nl.mboexchange.node.enrolment.Enrolment;
import nl.mboexchange.node.enrolment.timeline.TimelineEntry;

/**
 * One enrolment with everything about it: its state, every result version with its receipt, and its timeline.
 *
 * @param enrolment the enrolment
 * @param timeline every event it sent and received, oldest first
 */
public record EnrolmentDetails(Enrolment enrolment, List<TimelineEntry> timeline) {

    public EnrolmentDetails {
        timeline = List.copyOf(timeline);
    }
}
