package nl.mboexchange.node.enrolment;

import static nl.mboexchange.node.shared.Require.present;

/**
 * Host to home: the host does not admit the student.
 *
 * @param header the common fields
 * @param rejection the reason code and the host's explanation
 */
public record RegistrationRejected(EventHeader header, Rejection rejection) implements ExchangeEvent {

    public RegistrationRejected {
        present(header, "header");
        present(rejection, "rejection");
    }

    @Override
    public String summary() {
        return "Enrolment rejected by " + sender() + " (" + rejection.reasonCode() + "): " + rejection.reasonText();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.rejected(this);
    }
}
