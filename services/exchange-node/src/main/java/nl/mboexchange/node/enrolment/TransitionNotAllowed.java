package nl.mboexchange.node.enrolment;

import nl.mboexchange.node.shared.ConflictWithState;

/** The enrolment's status, or this school's side of it, does not allow the change. */
public final class TransitionNotAllowed extends ConflictWithState {

    private TransitionNotAllowed(String message) {
        super(message);
    }

    static TransitionNotAllowed inStatus(EnrolmentId id, EnrolmentStatus status, String action) {
        return new TransitionNotAllowed("enrolment " + id + " is " + status + "; cannot " + action);
    }

    static TransitionNotAllowed onSide(EnrolmentId id, EnrolmentRole role, String action) {
        String side = role == EnrolmentRole.HOME ? "the home school" : "the host school";
        return new TransitionNotAllowed("this node is " + side + " of enrolment " + id + "; it cannot " + action);
    }
}
