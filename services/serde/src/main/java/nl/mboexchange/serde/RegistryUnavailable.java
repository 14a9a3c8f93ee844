package nl.mboexchange.serde;

/**
 * The registry could not be reached or kept answering with a server error (connection refused, timeout,
 * HTTP 5xx, 408 or 429) through every attempt of the bounded retry. The record is not at fault, so a
 * consumer should retry or stop rather than dead-letter it.
 */
public class RegistryUnavailable extends AvroSerdeException {

    private static final long serialVersionUID = 1L;

    public RegistryUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetriable() {
        return true;
    }
}
