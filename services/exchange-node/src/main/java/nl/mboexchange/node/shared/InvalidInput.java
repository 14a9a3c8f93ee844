package nl.mboexchange.node.shared;

/** The input itself is wrong, whatever the state: a value that is missing, malformed or out of range. */
public abstract class InvalidInput extends Refusal {

    private final String field;

    protected InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The name of the offending field, as the wire contract and the REST API name it. */
    public String field() {
        return field;
    }
}
