package nl.mboexchange.serde;

/** The Avro body cannot be decoded with the writer schema named by its id: corrupt data, or bytes left over after the record. */
public class MalformedRecord extends AvroSerdeException {

    private static final long serialVersionUID = 1L;

    public MalformedRecord(String message) {
        super(message);
    }

    public MalformedRecord(String message, Throwable cause) {
        super(message, cause);
    }
}
