package nl.mboexchange.serde;

/** The record does not fit its own schema, for example a required field left null, so it cannot be written. */
public class InvalidRecord extends AvroSerdeException {

    private static final long serialVersionUID = 1L;

    public InvalidRecord(String message) {
        super(message);
    }

    public InvalidRecord(String message, Throwable cause) {
        super(message, cause);
    }
}
