package nl.mboexchange.node.enrolment;

/** Why a host does not admit a student. */
public enum RejectionReason {
    COURSE_FULL,
    PREREQUISITES_NOT_MET,
    OFFERING_UNKNOWN,
    OFFERING_CANCELLED,
    OTHER
}
