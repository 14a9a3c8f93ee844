package nl.mboexchange.node.enrolment.application;

import java.util.List;
import java.util.Map;
import nl.mboexchange.node.enrolment.Enrolment;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.EnrolmentNotFound;
import nl.mboexchange.node.enrolment.EnrolmentRepository;
import nl.mboexchange.node.enrolment.timeline.Timeline;
import nl.mboexchange.node.shared.InvalidValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a registrar can look up: lists of enrolments and one enrolment in full. Each lookup reads one snapshot of the
 * database, so an enrolment, its results and its timeline always agree, although they are read in several statements
 * while other schools' events are applied.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class EnrolmentQueries {

    /** The largest page a caller can ask for. */
    public static final int MAX_PAGE_SIZE = 200;

    /** The largest page of whole enrolments a caller can ask for: OOAPI's largest page size. */
    public static final int MAX_PAGE_SIZE_IN_FULL = 250;

    private final EnrolmentRepository enrolments;
    private final EnrolmentSearch search;
    private final Timeline timeline;

    EnrolmentQueries(EnrolmentRepository enrolments, EnrolmentSearch search, Timeline timeline) {
        this.enrolments = enrolments;
        this.search = search;
        this.timeline = timeline;
    }

    /** One page of the enrolments that match, most recently requested first. */
    public EnrolmentPage list(EnrolmentFilter filter, int page, int size) {
        if (page < 0) {
            throw new InvalidValue("page", "page must be at least 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidValue("size", "size must be between 1 and " + MAX_PAGE_SIZE);
        }
        return search.search(filter, page, size);
    }

    /**
     * One page of the enrolments that match, each in full with its results but without its timeline, in the given
     * order; {@code page} counts from 0. Three statements, however long the page.
     */
    public EnrolmentsInFull listInFull(EnrolmentFilter filter, EnrolmentOrder order, int page, int size) {
        if (page < 0) {
            throw new InvalidValue("page", "page must be at least 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE_IN_FULL) {
            throw new InvalidValue("size", "size must be between 1 and " + MAX_PAGE_SIZE_IN_FULL);
        }
        EnrolmentPage found = search.search(filter, order, page, size);
        List<EnrolmentId> ids = found.items().stream().map(EnrolmentSummary::id).toList();
        Map<EnrolmentId, Enrolment> loaded = enrolments.findAllById(ids);
        // An enrolment is never deleted, so each one listed is there to load; the list keeps the search's order.
        List<Enrolment> items = ids.stream().map(loaded::get).toList();
        return new EnrolmentsInFull(items, found.page(), found.size(), found.totalItems());
    }

    /** One enrolment with its results, receipts and timeline. */
    public EnrolmentDetails get(EnrolmentId id) {
        return enrolments
                .findById(id)
                .map(enrolment -> new EnrolmentDetails(enrolment, timeline.of(id)))
                .orElseThrow(() -> new EnrolmentNotFound(id));
    }
}
