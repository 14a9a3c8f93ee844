package nl.mboexchange.node.enrolment.application;

/** Lists enrolments by criteria, a page at a time. */
public interface EnrolmentSearch {

    EnrolmentPage search(EnrolmentFilter filter, int page, int size);
}
