package nl.mboexchange.node.enrolment.web;

import jakarta.validation.constraints.Size;
import nl.mboexchange.node.enrolment.RegistrationWithdrawn;

/**
 * Withdraw the student.
 *
 * @param reason an optional explanation for the host's registrar
 */
record WithdrawBody(
        @Size(max = RegistrationWithdrawn.MAX_REASON) String reason) {}
