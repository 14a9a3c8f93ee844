package nl.mboexchange.node.enrolment.timeline;

import java.util.List;
import nl.mboexchange.node.enrolment.EnrolmentId;

/** Where the timelines are kept. Appending joins the caller's transaction, so a timeline never lags its enrolment. */
public interface Timeline {

    /** Adds the events, in order, to the timelines of their enrolments. */
    void append(List<TimelineEvent> events);

    /** The timeline of one enrolment, oldest first. */
    List<TimelineEntry> of(EnrolmentId enrolmentId);
}
