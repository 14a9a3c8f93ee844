package nl.mboexchange.node.enrolment.application;

import static nl.mboexchange.node.shared.Require.present;

import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.RejectionReason;

/**
 * Host school: do not admit the student.
 *
 * @param enrolmentId the enrolment
 * @param reasonCode the kind of reason
 * @param reasonText the explanation for the home school's registrar
 */
public record RejectEnrolment(EnrolmentId enrolmentId, RejectionReason reasonCode, String reasonText)
        implements EnrolmentCommand {

    public RejectEnrolment {
        present(enrolmentId, "enrolmentId");
    }
}
