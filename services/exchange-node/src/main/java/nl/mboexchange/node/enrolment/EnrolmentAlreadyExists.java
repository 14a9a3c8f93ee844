package nl.mboexchange.node.enrolment;

import nl.mboexchange.node.shared.ConflictWithState;

/** An enrolment with this id exists already, with other data than the request. */
public final class EnrolmentAlreadyExists extends ConflictWithState {

    public EnrolmentAlreadyExists(EnrolmentId id) {
        super("enrolment " + id + " exists already");
    }
}
