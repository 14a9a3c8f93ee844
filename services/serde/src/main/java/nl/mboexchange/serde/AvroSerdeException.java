package nl.mboexchange.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Base of every failure this library reports. It extends Kafka's {@link SerializationException} so that
 * Kafka's and Spring Kafka's error-handling deserializers treat it like any other serialisation failure.
 *
 * <p>Subtypes name the outcome. Use {@link #isRetriable()} to tell a fault of the record (send it to a
 * dead-letter topic) from a fault of the surroundings (retry later; the record itself is fine).
 */
public abstract class AvroSerdeException extends SerializationException {

    private static final long serialVersionUID = 1L;

    protected AvroSerdeException(String message) {
        super(message);
    }

    protected AvroSerdeException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the same call may succeed later without the record changing.
     *
     * @return {@code true} when the cause lies outside the record, such as an unreachable registry
     */
    public boolean isRetriable() {
        return false;
    }
}
