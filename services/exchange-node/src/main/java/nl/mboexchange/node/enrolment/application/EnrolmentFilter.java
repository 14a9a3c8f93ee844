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
 * @param offering only enrolments in this offering of the course at its host
 */
public record EnrolmentFilter(
        EnrolmentRole role,
        EnrolmentStatus status,
        UUID studentExchangeId,
        CourseCode courseCode,
        OfferingKey offering) {

    public EnrolmentFilter(EnrolmentRole role, EnrolmentStatus status, UUID studentExchangeId, CourseCode courseCode) {
        this(role, status, studentExchangeId, courseCode, null);
    }

    public static EnrolmentFilter all() {
        return new EnrolmentFilter(null, null, null, null, null);
    }

    /** Every enrolment of one student, in either direction. */
    public static EnrolmentFilter ofStudent(UUID studentExchangeId) {
        return new EnrolmentFilter(null, null, studentExchangeId, null, null);
    }

    /** Every enrolment in one offering, in either direction. */
    public static EnrolmentFilter inOffering(OfferingKey offering) {
        return new EnrolmentFilter(null, null, null, null, offering);
    }
}
