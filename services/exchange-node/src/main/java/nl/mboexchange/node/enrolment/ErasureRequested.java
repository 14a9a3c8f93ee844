package nl.mboexchange.node.enrolment;

import static nl.mboexchange.node.shared.Require.present;

/**
 * Home to host: the home school erased the student's personal data of this enrolment and asks the host to erase its
 * copy (AVG art. 17). The host answers with an {@link ErasureConfirmed}.
 *
 * @param header the common fields
 */
public record ErasureRequested(EventHeader header) implements ExchangeEvent {

    public ErasureRequested {
        present(header, "header");
    }

    @Override
    public String summary() {
        return "Erasure of the student's personal data requested by " + sender();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.erasureRequested(this);
    }
}
