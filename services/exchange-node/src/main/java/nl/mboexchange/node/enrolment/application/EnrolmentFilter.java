package nl.mboexchange.node.enrolment.application;

import java.util.Set;
import java.util.UUID;
import nl.mboexchange.node.course.CourseCode;
import nl.mboexchange.node.enrolment.EnrolmentRole;
import nl.mboexchange.node.enrolment.EnrolmentStatus;

/**
 * Which enrolments to list; every criterion is optional.
 *
 * @param role outgoing ({@code HOME}) or incoming ({@code HOST}) enrolments, or both when {@code null}
 * @param statuses only enrolments in one of these statuses; any status when {@code null} or empty
 * @param studentExchangeId only enrolments of this student
 * @param courseCode only enrolments in this course
 * @param offering only enrolments in this offering of the course at its host
 */
public record EnrolmentFilter(
        EnrolmentRole role,
        Set<EnrolmentStatus> statuses,
        UUID studentExchangeId,
        CourseCode courseCode,
        OfferingKey offering) {

    public EnrolmentFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    public EnrolmentFilter(EnrolmentRole role, EnrolmentStatus status, UUID studentExchangeId, CourseCode courseCode) {
        this(role, status == null ? Set.of() : Set.of(status), studentExchangeId, courseCode, null);
    }

    public static EnrolmentFilter all() {
        return new EnrolmentFilter(null, Set.of(), null, null, null);
    }

    /** Every enrolment of one student, in either direction. */
    public static EnrolmentFilter ofStudent(UUID studentExchangeId) {
        return new EnrolmentFilter(null, Set.of(), studentExchangeId, null, null);
    }

    /** Every enrolment in one offering, in either direction. */
    public static EnrolmentFilter inOffering(OfferingKey offering) {
        return new EnrolmentFilter(null, Set.of(), null, null, offering);
    }

    /** This filter, narrowed to enrolments in one of {@code statuses} (any status when empty). */
    public EnrolmentFilter inStatuses(Set<EnrolmentStatus> statuses) {
        return new EnrolmentFilter(role, statuses, studentExchangeId, courseCode, offering);
    }
}
