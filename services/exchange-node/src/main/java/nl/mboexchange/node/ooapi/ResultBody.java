package nl.mboexchange.node.ooapi;

import java.time.LocalDate;

/**
 * OOAPI's {@code CourseResult}: the result that stands for an enrolment.
 *
 * @param state {@code completed} for a final result, {@code in progress} for a provisional one
 * @param pass whether the grade is a pass
 * @param comment why the result was corrected, or {@code null} for a first version
 * @param score the grade on the offering's {@code resultValueType}
 * @param resultDate the day the student was assessed
 * @param studyLoad the course's study load
 */
record ResultBody(
        ResultState state, PassState pass, String comment, String score, LocalDate resultDate, StudyLoad studyLoad) {

    /**
     * OOAPI's {@code StudyLoadDescriptor}.
     *
     * @param studyLoadUnit always {@code sbu}: the exchange counts study load in hours (studiebelastingsuren)
     * @param value the hours
     */
    record StudyLoad(String studyLoadUnit, int value) {

        static StudyLoad hours(int hours) {
            return new StudyLoad("sbu", hours);
        }
    }
}
