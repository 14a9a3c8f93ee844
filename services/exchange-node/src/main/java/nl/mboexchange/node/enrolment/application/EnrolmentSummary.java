package nl.mboexchange.node.enrolment.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.mboexchange.node.course.CourseCode;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.EnrolmentRole;
import nl.mboexchange.node.enrolment.EnrolmentStatus;
import nl.mboexchange.node.school.SchoolCode;

/**
 * One enrolment in a list, without its results and timeline.
 *
 * @param id the enrolment
 * @param role this school's side
 * @param status the lifecycle status
 * @param homeSchool the home school
 * @param hostSchool the host school
 * @param studentExchangeId the student's exchange id
 * @param studentName the student's given and family name
 * @param courseCode the course
 * @param courseTitle the course's title
 * @param startDate the first day of the course
 * @param requestedAt when the home school requested it
 * @param lastChangedAt when this node last changed it
 */
public record EnrolmentSummary(
        EnrolmentId id,
        EnrolmentRole role,
        EnrolmentStatus status,
        SchoolCode homeSchool,
        SchoolCode hostSchool,
        UUID studentExchangeId,
        String studentName,
        CourseCode courseCode,
        String courseTitle,
        LocalDate startDate,
        Instant requestedAt,
        Instant lastChangedAt) {}
