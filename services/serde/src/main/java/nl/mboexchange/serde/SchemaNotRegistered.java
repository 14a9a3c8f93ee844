package nl.mboexchange.serde;

/** The registry has no matching schema under the subject, in a set-up that looks schemas up instead of registering them. */
public class SchemaNotRegistered extends AvroSerdeException {

    private static final long serialVersionUID = 1L;

    public SchemaNotRegistered(String message) {
        super(message);
    }

    public SchemaNotRegistered(String message, Throwable cause) {
        super(message, cause);
    }
}
