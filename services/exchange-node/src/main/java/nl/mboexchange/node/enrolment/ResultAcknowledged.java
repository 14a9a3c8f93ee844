package nl.mboexchange.node.enrolment;

import static nl.mboexchange.node.shared.Require.atLeast;
import static nl.mboexchange.node.shared.Require.present;

import java.util.UUID;

/**
 * Home to host: the receipt. The home school has recorded the given version of the given attempt.
 *
 * @param header the common fields
 * @param acknowledgedEventId the id of the result event being acknowledged
 * @param attempt the attempt of the acknowledged version
 * @param version the acknowledged version
 */
public record ResultAcknowledged(EventHeader header, UUID acknowledgedEventId, int attempt, int version)
        implements ExchangeEvent {

    public ResultAcknowledged {
        present(header, "header");
        present(acknowledgedEventId, "acknowledgedEventId");
        atLeast(attempt, 1, "attempt");
        atLeast(version, 1, "version");
    }

    @Override
    public String summary() {
        return "Receipt by " + sender() + " for attempt " + attempt + ", version " + version;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.resultAcknowledged(this);
    }
}
