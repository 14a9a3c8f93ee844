package nl.mboexchange.node.result;

import java.util.UUID;
import nl.mboexchange.node.shared.InvalidInput;

/** A receipt names a result event other than the one that published the version it acknowledges. */
public final class ReceiptDoesNotMatch extends InvalidInput {

    public ReceiptDoesNotMatch(int attempt, int version, UUID acknowledgedEventId) {
        super(
                "acknowledgedEventId",
                "version " + version + " of attempt " + attempt + " was not published by event " + acknowledgedEventId);
    }
}
