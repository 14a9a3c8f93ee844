package nl.mboexchange.node.ooapi;

import java.util.List;
import nl.mboexchange.node.enrolment.application.EnrolmentOrder;
import nl.mboexchange.node.shared.InvalidValue;

/**
 * A list request's paging and order, as OOAPI's query parameters give them.
 *
 * @param pageSize items per page: one of OOAPI's sizes
 * @param pageNumber the page, from 1
 * @param order by association id, ascending unless {@code sort=-associationId}
 */
record PageRequest(int pageSize, int pageNumber, EnrolmentOrder order) {

    /** The page sizes OOAPI allows. */
    static final List<Integer> PAGE_SIZES = List.of(10, 20, 50, 100, 250);

    static final int DEFAULT_PAGE_SIZE = 10;

    PageRequest {
        if (!PAGE_SIZES.contains(pageSize)) {
            throw new InvalidValue("pageSize", "pageSize must be one of " + PAGE_SIZES + ", not " + pageSize);
        }
        if (pageNumber < 1) {
            throw new InvalidValue("pageNumber", "pageNumber must be at least 1, not " + pageNumber);
        }
    }

    /** Reads the parameters; absent ones take OOAPI's defaults. */
    static PageRequest of(Integer pageSize, Integer pageNumber, List<String> sort) {
        return new PageRequest(
                pageSize == null ? DEFAULT_PAGE_SIZE : pageSize, pageNumber == null ? 1 : pageNumber, order(sort));
    }

    /** The page as the enrolment queries count it, from 0. */
    int pageIndex() {
        return pageNumber - 1;
    }

    private static EnrolmentOrder order(List<String> sort) {
        if (sort == null || sort.isEmpty()) {
            return EnrolmentOrder.ID_ASCENDING;
        }
        if (sort.size() > 1) {
            throw new InvalidValue("sort", "sort takes one attribute, associationId or -associationId");
        }
        return switch (sort.get(0)) {
            case "associationId" -> EnrolmentOrder.ID_ASCENDING;
            case "-associationId" -> EnrolmentOrder.ID_DESCENDING;
            default ->
                throw new InvalidValue(
                        "sort", "sort must be associationId or -associationId, not '" + sort.get(0) + "'");
        };
    }
}
