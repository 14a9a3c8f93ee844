package nl.mboexchange.serde;

/** The value is not something Avro can write: neither an Avro record, enum, fixed or array, nor a primitive. */
public class UnsupportedValueType extends AvroSerdeException {

    private static final long serialVersionUID = 1L;

    public UnsupportedValueType(String message) {
        super(message);
    }

    public UnsupportedValueType(String message, Throwable cause) {
        super(message, cause);
    }
}
