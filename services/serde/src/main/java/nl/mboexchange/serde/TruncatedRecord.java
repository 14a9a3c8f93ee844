package nl.mboexchange.serde;

/** The bytes end too early: shorter than the 5-byte wire format header, or the Avro body stops in the middle of a value. */
public class TruncatedRecord extends AvroSerdeException {

    private static final long serialVersionUID = 1L;

    public TruncatedRecord(String message) {
        super(message);
    }

    public TruncatedRecord(String message, Throwable cause) {
        super(message, cause);
    }
}
