package nl.mboexchange.node.ooapi;

import com.fasterxml.jackson.annotation.JsonValue;
import nl.mboexchange.node.enrolment.EnrolmentStatus;

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

    @JsonValue
    String value() {
        return value;
    }
}
