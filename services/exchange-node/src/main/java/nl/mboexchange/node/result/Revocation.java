package nl.mboexchange.node.result;

import static nl.mboexchange.node.shared.Require.atLeast;
import static nl.mboexchange.node.shared.Require.present;
import static nl.mboexchange.node.shared.Require.text;

import java.time.Instant;
import java.util.UUID;
import nl.mboexchange.node.shared.Plausible;

/**
 * The version that withdraws an attempt's result altogether; the earlier versions stay as history.
 *
 * @param attempt the attempt, from 1
 * @param version the version, from 2: there is always a result to revoke
 * @param reason why the result is revoked
 * @param eventId the id of the event that published this version
 * @param occurredAt when the host revoked the result
 * @param receipt the home school's receipt, or {@code null}
 */
public record Revocation(int attempt, int version, String reason, UUID eventId, Instant occurredAt, Receipt receipt)
        implements ResultVersion {

    public Revocation {
        atLeast(attempt, 1, "attempt");
        atLeast(version, 2, "version");
        text(reason, "reason", MAX_REASON);
        present(eventId, "eventId");
        Plausible.instant(occurredAt, "occurredAt");
    }

    @Override
    public Revocation acknowledgedBy(Receipt receipt) {
        if (this.receipt != null) {
            throw new AlreadyAcknowledged(attempt, version);
        }
        return new Revocation(attempt, version, reason, eventId, occurredAt, receipt);
    }
}
