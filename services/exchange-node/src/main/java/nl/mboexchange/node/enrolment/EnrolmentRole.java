package nl.mboexchange.node.enrolment;

/** Which side of an enrolment this node is on. */
public enum EnrolmentRole {
    /** This school is the home school: the enrolment is outgoing, requested here and its results received here. */
    HOME,
    /** This school is the host school: the enrolment is incoming, decided on here and its results recorded here. */
    HOST
}
