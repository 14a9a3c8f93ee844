package nl.mboexchange.node.course;

import static nl.mboexchange.node.shared.Require.atLeast;
import static nl.mboexchange.node.shared.Require.present;
import static nl.mboexchange.node.shared.Require.text;

import java.time.LocalDate;
import nl.mboexchange.node.result.ResultScale;
import nl.mboexchange.node.shared.InvalidValue;
import nl.mboexchange.node.shared.Plausible;

/**
 * One run of a course at the host school, as the home school asks to enrol a student in it.
 *
 * @param courseCode the SBB keuzedeel code
 * @param offeringId the host's own id of this run (term, group)
 * @param title the title of the course
 * @param studyLoadHours the study load in hours (SBU)
 * @param startDate the first day of the course, within the {@link Plausible} dates
 * @param endDate the last day of the course, not before the first, within the {@link Plausible} dates
 * @param resultScale the scale on which the host grades every result of the course
 */
public record CourseOffering(
        CourseCode courseCode,
        String offeringId,
        String title,
        int studyLoadHours,
        LocalDate startDate,
        LocalDate endDate,
        ResultScale resultScale) {

    public static final int MAX_OFFERING_ID = 100;
    public static final int MAX_TITLE = 200;

    public CourseOffering {
        present(courseCode, "courseCode");
        text(offeringId, "offeringId", MAX_OFFERING_ID);
        text(title, "title", MAX_TITLE);
        atLeast(studyLoadHours, 1, "studyLoadHours");
        Plausible.date(startDate, "startDate");
        Plausible.date(endDate, "endDate");
        present(resultScale, "resultScale");
        if (endDate.isBefore(startDate)) {
            throw new InvalidValue("endDate", "endDate is before startDate");
        }
    }
}
