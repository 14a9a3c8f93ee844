package nl.mboexchange.node.enrolment.application;

import java.util.UUID;
import nl.mboexchange.node.course.CourseCode;
import nl.mboexchange.node.enrolment.EnrolmentRole;
import nl.mboexchange.node.enrolment.EnrolmentStatus;

/**
 * Which enrolments to list; every criterion is optional.
 *
 * @param role outgoing ({@code HOME}) or incoming ({@code HOST}) enrolments, or both when {@code null}
 * @param status only enrolments in this status
 * @param studentExchangeId only enrolments of this student
 * @param courseCode only enrolments in this course
 */
public record EnrolmentFilter(
        EnrolmentRole role, EnrolmentStatus status, UUID studentExchangeId, CourseCode courseCode) {

    public static EnrolmentFilter all() {
        return new EnrolmentFilter(null, null, null, null);
    }
}
