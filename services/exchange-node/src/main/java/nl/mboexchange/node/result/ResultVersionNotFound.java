package nl.mboexchange.node.result;

import nl.mboexchange.node.shared.NotFound;

/** The attempt has no such version. */
public final class ResultVersionNotFound extends NotFound {

    public ResultVersionNotFound(int attempt, int version) {
        super("attempt " + attempt + " has no version " + version);
    }
}
