package nl.mboexchange.node.enrolment;

import static nl.mboexchange.node.shared.Require.present;

import java.util.UUID;

/**
 * Host to home: the receipt for an {@link ErasureRequested}. The host has erased its copy of the student's personal
 * data of this enrolment.
 *
 * @param header the common fields
 * @param requestEventId the id of the {@link ErasureRequested} this confirms
 */
public record ErasureConfirmed(EventHeader header, UUID requestEventId) implements ExchangeEvent {

    public ErasureConfirmed {
        present(header, "header");
        present(requestEventId, "requestEventId");
    }

    @Override
    public String summary() {
        return "Erasure of the student's personal data confirmed by " + sender();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.erasureConfirmed(this);
    }
}
