package nl.mboexchange.serde;

/**
 * The registry served a schema that Avro cannot use: text that does not parse, or a schema that breaks Avro's rules
 * (for example a default value that does not match its field's type). Asking again gives the same schema, so this is a
 * fault of the record that names it, not of the registry.
 */
public class UnusableSchema extends AvroSerdeException {

    private static final long serialVersionUID = 1L;

    public UnusableSchema(String message, Throwable cause) {
        super(message, cause);
    }
}
