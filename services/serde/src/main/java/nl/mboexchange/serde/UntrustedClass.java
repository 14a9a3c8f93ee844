package nl.mboexchange.serde;

/** Avro refused to load a generated class because its package is not trusted (see {@link AvroClassTrust}). */
public class UntrustedClass extends AvroSerdeException {

    private static final long serialVersionUID = 1L;

    public UntrustedClass(String message) {
        super(message);
    }

    public UntrustedClass(String message, Throwable cause) {
        super(message, cause);
    }
}
