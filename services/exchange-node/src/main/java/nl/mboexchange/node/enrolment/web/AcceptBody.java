package nl.mboexchange.node.enrolment.web;

import jakarta.validation.constraints.Size;
import nl.mboexchange.node.enrolment.RegistrationAccepted;

/**
 * Admit the student.
 *
 * @param note an optional message for the home school's registrar
 */
record AcceptBody(@Size(max = RegistrationAccepted.MAX_NOTE) String note) {}
