package nl.mboexchange.node.enrolment;

import java.util.UUID;
import nl.mboexchange.node.shared.InvalidInput;

/** A confirmation of erasure names a request other than the one this school sent for the enrolment. */
public final class ErasureConfirmationDoesNotMatch extends InvalidInput {

    ErasureConfirmationDoesNotMatch(EnrolmentId id, UUID requestEventId) {
        super("requestEventId", "enrolment " + id + " sent no erasure request " + requestEventId);
    }
}
