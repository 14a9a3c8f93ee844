package nl.mboexchange.serde;

/** A specific reader was asked for, but no generated class exists on the class path for the writer schema's full name. */
public class SpecificClassNotFound extends AvroSerdeException {

    private static final long serialVersionUID = 1L;

    public SpecificClassNotFound(String message) {
        super(message);
    }

    public SpecificClassNotFound(String message, Throwable cause) {
        super(message, cause);
    }
}
