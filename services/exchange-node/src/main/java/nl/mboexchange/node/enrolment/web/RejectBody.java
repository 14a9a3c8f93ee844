package nl.mboexchange.node.enrolment.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.mboexchange.node.enrolment.Rejection;
import nl.mboexchange.node.enrolment.RejectionReason;

/**
 * Do not admit the student.
 *
 * @param reasonCode the kind of reason
 * @param reasonText the explanation for the home school's registrar
 */
record RejectBody(
        @NotNull RejectionReason reasonCode,
        @NotBlank @Size(max = Rejection.MAX_TEXT) String reasonText) {}
