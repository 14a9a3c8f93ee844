package nl.mboexchange.node.enrolment.application;

import static nl.mboexchange.node.shared.Require.present;

import nl.mboexchange.node.enrolment.EnrolmentId;

/**
 * Host school: admit the student.
 *
 * @param enrolmentId the enrolment
 * @param note an optional message for the home school's registrar
 */
public record AcceptEnrolment(EnrolmentId enrolmentId, String note) implements EnrolmentCommand {

    public AcceptEnrolment {
        present(enrolmentId, "enrolmentId");
    }
}
