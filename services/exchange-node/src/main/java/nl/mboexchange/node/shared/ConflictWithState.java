package nl.mboexchange.node.shared;

/** The input is well-formed, but the current state does not allow it. */
public abstract class ConflictWithState extends Refusal {

    protected ConflictWithState(String message) {
        super(message);
    }
}
