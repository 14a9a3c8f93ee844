package nl.mboexchange.node.result;

import nl.mboexchange.node.shared.ConflictWithState;

/** A new attempt whose number is not the next one: it exists already, or it skips one. */
public final class AttemptOutOfSequence extends ConflictWithState {

    public AttemptOutOfSequence(int attempt, int nextAttempt) {
        super("attempt " + attempt + " cannot be recorded: the next attempt is " + nextAttempt
                + (attempt < nextAttempt ? " (correct an existing attempt instead)" : ""));
    }
}
