package nl.mboexchange.node.result;

import nl.mboexchange.node.shared.NotFound;

/** The enrolment has no result for this attempt. */
public final class AttemptNotFound extends NotFound {

    public AttemptNotFound(int attempt) {
        super("there is no result for attempt " + attempt);
    }
}
