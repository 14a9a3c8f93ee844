package nl.mboexchange.node.enrolment.application;

import static nl.mboexchange.node.shared.Require.present;

import nl.mboexchange.node.course.CourseOffering;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.VisitingStudent;
import nl.mboexchange.node.school.SchoolCode;

/**
 * Home school: ask a host to enrol a student in a course offering. Repeating it with the same enrolment id and the
 * same data changes nothing; with other data it is refused.
 *
 * @param enrolmentId the id the home school chooses; a fresh one when {@code null}
 * @param hostSchool the school that teaches the course
 * @param student the student, minimised
 * @param course the offering at the host
 */
public record RequestEnrolment(
        EnrolmentId enrolmentId, SchoolCode hostSchool, VisitingStudent student, CourseOffering course)
        implements EnrolmentCommand {

    public RequestEnrolment {
        enrolmentId = enrolmentId == null ? EnrolmentId.random() : enrolmentId;
        present(hostSchool, "hostSchool");
        present(student, "student");
        present(course, "course");
    }
}
