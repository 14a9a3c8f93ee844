package nl.mboexchange.node.enrolment;

/** Where an enrolment is in its lifecycle; REJECTED, WITHDRAWN and COMPLETED are final. */
public enum EnrolmentStatus {
    REQUESTED,
    ACCEPTED,
    REJECTED,
    WITHDRAWN,
    COMPLETED
}
