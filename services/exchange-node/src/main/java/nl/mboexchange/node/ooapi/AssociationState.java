package nl.mboexchange.node.ooapi;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import nl.mboexchange.node.enrolment.EnrolmentStatus;
import nl.mboexchange.node.shared.InvalidValue;

/** OOAPI's {@code associationState}; {@code queued} has no counterpart, the exchange keeps no waiting list. */
enum AssociationState {
    PENDING("pending"),
    CANCELED("canceled"),
    DENIED("denied"),
    ASSOCIATED("associated"),
    QUEUED("queued");

    private final String value;

    AssociationState(String value) {
        this.value = value;
    }

    /**
     * The state of an enrolment in this status. COMPLETED has no state of its own in OOAPI: the student was
     * associated, and the association's result says that it is completed.
     */
    static AssociationState of(EnrolmentStatus status) {
        return switch (status) {
            case REQUESTED -> PENDING;
            case ACCEPTED, COMPLETED -> ASSOCIATED;
            case REJECTED -> DENIED;
            case WITHDRAWN -> CANCELED;
        };
    }

    /** The statuses whose enrolments are in this state; none for {@code queued}. */
    Set<EnrolmentStatus> statuses() {
        Set<EnrolmentStatus> statuses = EnumSet.noneOf(EnrolmentStatus.class);
        for (EnrolmentStatus status : EnrolmentStatus.values()) {
            if (of(status) == this) {
                statuses.add(status);
            }
        }
        return statuses;
    }

    /** The state OOAPI names {@code value}; refuses a name OOAPI does not have. */
    static AssociationState parse(String value, String parameter) {
        return Arrays.stream(values())
                .filter(state -> state.value.equals(value))
                .findFirst()
                .orElseThrow(() -> new InvalidValue(
                        parameter,
                        parameter + " must be one of "
                                + Arrays.stream(values())
                                        .map(AssociationState::value)
                                        .toList() + ", not '" + value
                                + "'"));
    }

    @JsonValue
    String value() {
        return value;
    }
}
