package nl.mboexchange.serde;

/** The bytes do not start with the Confluent wire format's magic byte 0, so they were not written by a schema-registry-aware serializer. */
public class UnknownMagicByte extends AvroSerdeException {

    private static final long serialVersionUID = 1L;

    public UnknownMagicByte(String message) {
        super(message);
    }

    public UnknownMagicByte(String message, Throwable cause) {
        super(message, cause);
    }
}
