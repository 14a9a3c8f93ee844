package nl.mboexchange.node.console;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nl.mboexchange.node.enrolment.RegistrationAccepted;
import nl.mboexchange.node.enrolment.RegistrationWithdrawn;
import nl.mboexchange.node.enrolment.Rejection;

/** The forms of the decisions on an enrolment itself: the host's accept and reject, the home school's withdraw. */
final class DecisionForms {

    private DecisionForms() {}

    /**
     * Host: admit the student.
     *
     * @param note an optional message for the home school's registrar
     */
    record AcceptForm(
            @Size(max = RegistrationAccepted.MAX_NOTE) String note) {}

    /**
     * Host: do not admit the student.
     *
     * @param reasonCode the kind of reason, a {@link nl.mboexchange.node.enrolment.RejectionReason}
     * @param reasonText the explanation for the home school's registrar
     */
    record RejectForm(
            @NotBlank String reasonCode,
            @NotBlank @Size(max = Rejection.MAX_TEXT) String reasonText) {}

    /**
     * Home school: withdraw the student.
     *
     * @param reason an optional explanation for the host's registrar
     */
    record WithdrawForm(
            @Size(max = RegistrationWithdrawn.MAX_REASON) String reason) {}
}
