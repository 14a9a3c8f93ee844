package nl.mboexchange.node.enrolment;

import static nl.mboexchange.node.shared.Require.optionalText;
import static nl.mboexchange.node.shared.Require.present;

/**
 * Host to home: the host admits the student.
 *
 * @param header the common fields
 * @param note an optional message for the home school's registrar, or {@code null}
 */
public record RegistrationAccepted(EventHeader header, String note) implements ExchangeEvent {

    public static final int MAX_NOTE = 1000;

    public RegistrationAccepted {
        present(header, "header");
        note = optionalText(note, "note", MAX_NOTE);
    }

    @Override
    public String summary() {
        return "Enrolment accepted by " + sender() + (note == null ? "" : ": " + note);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.accepted(this);
    }
}
