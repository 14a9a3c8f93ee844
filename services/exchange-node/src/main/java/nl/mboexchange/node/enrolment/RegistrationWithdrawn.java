package nl.mboexchange.node.enrolment;

import static nl.mboexchange.node.shared.Require.optionalText;
import static nl.mboexchange.node.shared.Require.present;

/**
 * Home to host: the home school withdraws the student from the course.
 *
 * @param header the common fields
 * @param reason an optional explanation for the host's registrar, or {@code null}
 */
public record RegistrationWithdrawn(EventHeader header, String reason) implements ExchangeEvent {

    public static final int MAX_REASON = 1000;

    public RegistrationWithdrawn {
        present(header, "header");
        reason = optionalText(reason, "reason", MAX_REASON);
    }

    @Override
    public String summary() {
        return "Enrolment withdrawn by " + sender() + (reason == null ? "" : ": " + reason);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.withdrawn(this);
    }
}
