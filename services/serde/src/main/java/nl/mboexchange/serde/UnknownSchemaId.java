package nl.mboexchange.serde;

/** The registry knows no schema with the id found in the record's header. */
public class UnknownSchemaId extends AvroSerdeException {

    private static final long serialVersionUID = 1L;

    public UnknownSchemaId(String message) {
        super(message);
    }

    public UnknownSchemaId(String message, Throwable cause) {
        super(message, cause);
    }
}
