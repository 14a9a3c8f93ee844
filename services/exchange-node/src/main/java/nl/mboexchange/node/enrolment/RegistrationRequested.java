package nl.mboexchange.node.enrolment;

import static nl.mboexchange.node.shared.Require.present;

import nl.mboexchange.node.course.CourseOffering;

/**
 * Home to host: the home school asks the host to enrol one of its students in one course offering.
 *
 * @param header the common fields
 * @param student the student, minimised
 * @param course the offering at the host
 */
public record RegistrationRequested(EventHeader header, VisitingStudent student, CourseOffering course)
        implements ExchangeEvent {

    public RegistrationRequested {
        present(header, "header");
        present(student, "student");
        present(course, "course");
    }

    @Override
    public String summary() {
        return "Enrolment in " + course.courseCode() + " '" + course.title() + "' (" + course.offeringId() + ") of "
                + student.displayName() + " requested by " + sender() + " at "
                + recipient();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.requested(this);
    }
}
