package nl.mboexchange.node.enrolment.application;

/** Lists enrolments by criteria, a page at a time. */
public interface EnrolmentSearch {

    /** One page of the enrolments that match, in the given order; {@code page} counts from 0. */
    EnrolmentPage search(EnrolmentFilter filter, EnrolmentOrder order, int page, int size);

    /** One page of the enrolments that match, most recently requested first. */
    default EnrolmentPage search(EnrolmentFilter filter, int page, int size) {
        return search(filter, EnrolmentOrder.NEWEST_FIRST, page, size);
    }
}
