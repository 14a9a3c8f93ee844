package nl.mboexchange.node.result;

import nl.mboexchange.node.shared.ConflictWithState;

/** The attempt's result has been revoked; it takes no further versions. */
public final class AttemptRevoked extends ConflictWithState {

    public AttemptRevoked(int attempt) {
        super("the result of attempt " + attempt + " is revoked and cannot be changed any more");
    }
}
