package nl.mboexchange.node.enrolment;

import static nl.mboexchange.node.shared.Require.present;
import static nl.mboexchange.node.shared.Require.text;

/**
 * The host's decision not to admit the student, with its reason.
 *
 * @param reasonCode the kind of reason
 * @param reasonText the host's explanation for the home school's registrar
 */
public record Rejection(RejectionReason reasonCode, String reasonText) {

    public static final int MAX_TEXT = 1000;

    public Rejection {
        present(reasonCode, "reasonCode");
        text(reasonText, "reasonText", MAX_TEXT);
    }
}
