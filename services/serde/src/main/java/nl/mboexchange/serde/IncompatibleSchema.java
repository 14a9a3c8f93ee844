package nl.mboexchange.serde;

/** The schema breaks the compatibility rule of its subject: the registry refused it (HTTP 409), or the latest version cannot stand in for the record's schema. */
public class IncompatibleSchema extends AvroSerdeException {

    private static final long serialVersionUID = 1L;

    public IncompatibleSchema(String message) {
        super(message);
    }

    public IncompatibleSchema(String message, Throwable cause) {
        super(message, cause);
    }
}
