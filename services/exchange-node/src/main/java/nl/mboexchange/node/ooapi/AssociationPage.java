package nl.mboexchange.node.ooapi;

import java.util.List;

/**
 * OOAPI's {@code Pagination} envelope around one page of associations.
 *
 * @param pageSize the number of items per page asked for
 * @param pageNumber this page's number, from 1
 * @param hasPreviousPage whether a page comes before this one
 * @param hasNextPage whether a page comes after this one
 * @param totalPages how many pages there are in all
 * @param items the associations on this page
 */
record AssociationPage(
        int pageSize,
        int pageNumber,
        boolean hasPreviousPage,
        boolean hasNextPage,
        long totalPages,
        List<AssociationBody> items) {

    AssociationPage {
        items = List.copyOf(items);
    }
}
