package nl.mboexchange.serde;

/**
 * The registry answered, but refused the request in a way no other type describes (for example 401 or 403, a 404
 * from a base URL that does not serve the API, 422 for an invalid schema), or its answer could not be read. Apart
 * from 422, the fault lies in the set-up (credentials, URL, registry), not in the record, so it is
 * {@linkplain #isRetriable() retriable} once the set-up is fixed.
 */
public class RegistryRequestFailed extends AvroSerdeException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final int errorCode;

    public RegistryRequestFailed(String message, int httpStatus, int errorCode) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public RegistryRequestFailed(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = -1;
        this.errorCode = -1;
    }

    @Override
    public boolean isRetriable() {
        return httpStatus != 422;
    }

    /** @return the HTTP status of the answer, or -1 when the answer could not be read */
    public int httpStatus() {
        return httpStatus;
    }

    /** @return the registry's {@code error_code}, or -1 when it sent none */
    public int errorCode() {
        return errorCode;
    }
}
