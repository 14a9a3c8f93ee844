package nl.mboexchange.node.enrolment.application;

import java.util.List;

/**
 * One page of a list of enrolments, most recently requested first.
 *
 * @param items the enrolments on this page
 * @param page the page number, from 0
 * @param size the maximum number of items per page
 * @param totalItems how many enrolments match in all
 */
public record EnrolmentPage(List<EnrolmentSummary> items, int page, int size, long totalItems) {

    public EnrolmentPage {
        items = List.copyOf(items);
    }

    public long totalPages() {
        return (totalItems + size - 1) / size;
    }
}
