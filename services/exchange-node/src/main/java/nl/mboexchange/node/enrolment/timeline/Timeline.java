package nl.mboexchange.node.enrolment.timeline;

import java.util.List;
import nl.mboexchange.node.enrolment.EnrolmentId;

/**
 * Where the timelines are read. They are written, each entry with who caused it, in the transaction of the change
 * that caused it, so a timeline never lags its enrolment.
 */
public interface Timeline {

    /** The timeline of one enrolment, oldest first. */
    List<TimelineEntry> of(EnrolmentId enrolmentId);
}
