package nl.mboexchange.node.enrolment;

import nl.mboexchange.node.shared.NotFound;

/** No enrolment with this id exists on this node. */
public final class EnrolmentNotFound extends NotFound {

    public EnrolmentNotFound(EnrolmentId id) {
        super("enrolment " + id + " does not exist");
    }
}
