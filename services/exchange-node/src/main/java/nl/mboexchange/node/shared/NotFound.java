package nl.mboexchange.node.shared;

/** What the command or event refers to does not exist on this node. */
public abstract class NotFound extends Refusal {

    protected NotFound(String message) {
        super(message);
    }
}
