package nl.mboexchange.node.result;

import nl.mboexchange.node.shared.ConflictWithState;

/** The result version already has its receipt; a version is acknowledged once. */
public final class AlreadyAcknowledged extends ConflictWithState {

    public AlreadyAcknowledged(int attempt, int version) {
        super("version " + version + " of attempt " + attempt + " is already acknowledged");
    }
}
