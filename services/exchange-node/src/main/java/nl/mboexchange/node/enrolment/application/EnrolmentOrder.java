package nl.mboexchange.node.enrolment.application;

/** The order of a list of enrolments. */
public enum EnrolmentOrder {
    /** Most recently requested first: the registrar's list. */
    NEWEST_FIRST,
    /** By enrolment id, ascending: a stable order that does not depend on when anything happened. */
    ID_ASCENDING,
    /** By enrolment id, descending. */
    ID_DESCENDING
}
