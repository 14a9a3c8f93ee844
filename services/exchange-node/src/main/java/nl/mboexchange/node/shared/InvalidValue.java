package nl.mboexchange.node.shared;

/** A plain value (a name, a date, a number) breaks a rule of its own. */
public final class InvalidValue extends InvalidInput {

    public InvalidValue(String field, String message) {
        super(field, message);
    }
}
