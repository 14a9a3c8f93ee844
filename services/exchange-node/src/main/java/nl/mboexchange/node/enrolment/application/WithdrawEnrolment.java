package nl.mboexchange.node.enrolment.application;

import static nl.mboexchange.node.shared.Require.present;

import nl.mboexchange.node.enrolment.EnrolmentId;

/**
 * Home school: withdraw the student from the course.
 *
 * @param enrolmentId the enrolment
 * @param reason an optional explanation for the host's registrar
 */
public record WithdrawEnrolment(EnrolmentId enrolmentId, String reason) implements EnrolmentCommand {

    public WithdrawEnrolment {
        present(enrolmentId, "enrolmentId");
    }
}
