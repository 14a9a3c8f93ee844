package nl.mboexchange.node.result;

import static nl.mboexchange.node.shared.Require.present;

import java.time.Instant;
import java.util.UUID;

/**
 * The home school's acknowledgement that it has recorded one result version.
 *
 * @param eventId the id of the {@code ResultAcknowledged} event that carried the receipt
 * @param acknowledgedAt when the home school recorded the version
 */
public record Receipt(UUID eventId, Instant acknowledgedAt) {

    public Receipt {
        present(eventId, "eventId");
        present(acknowledgedAt, "acknowledgedAt");
    }
}
