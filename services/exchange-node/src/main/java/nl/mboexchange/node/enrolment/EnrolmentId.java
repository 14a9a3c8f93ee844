package nl.mboexchange.node.enrolment;

import java.util.UUID;
import nl.mboexchange.node.shared.InvalidValue;

/**
 * The id of an enrolment, chosen by the home school when it requests it; the same at both schools and the key of
 * every event of the enrolment.
 *
 * @param value the UUID
 */
public record EnrolmentId(UUID value) {

    public EnrolmentId {
        if (value == null) {
            throw new InvalidValue("enrolmentId", "enrolmentId is required");
        }
    }

    public static EnrolmentId random() {
        return new EnrolmentId(UUID.randomUUID());
    }

    public static EnrolmentId of(String value) {
        try {
            return new EnrolmentId(UUID.fromString(value));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidValue("enrolmentId", "'" + value + "' is not a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
