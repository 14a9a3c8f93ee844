package nl.mboexchange.node.enrolment.application;

import java.util.List;
import nl.mboexchange.node.enrolment.Enrolment;

/**
 * One page of a list of enrolments, each in full with every attempt and result version.
 *
 * @param items the enrolments on this page, in the order asked for
 * @param page the page number, from 0
 * @param size the maximum number of items per page
 * @param totalItems how many enrolments match in all
 */
public record EnrolmentsInFull(List<Enrolment> items, int page, int size, long totalItems) {

    public EnrolmentsInFull {
        items = List.copyOf(items);
    }

    public long totalPages() {
        return (totalItems + size - 1) / size;
    }
}
