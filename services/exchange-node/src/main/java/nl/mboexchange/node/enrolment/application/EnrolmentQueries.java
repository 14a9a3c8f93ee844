package nl.mboexchange.node.enrolment.application;

import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.EnrolmentNotFound;
import nl.mboexchange.node.enrolment.EnrolmentRepository;
import nl.mboexchange.node.shared.InvalidValue;
import nl.mboexchange.node.timeline.Timeline;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a registrar can look up: lists of enrolments and one enrolment in full. */
@Service
@Transactional(readOnly = true)
public class EnrolmentQueries {

    /** The largest page a caller can ask for. */
    public static final int MAX_PAGE_SIZE = 200;

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

    /** One enrolment with its results, receipts and timeline. */
    public EnrolmentDetails get(EnrolmentId id) {
        return enrolments
                .findById(id)
                .map(enrolment -> new EnrolmentDetails(enrolment, timeline.of(id)))
                .orElseThrow(() -> new EnrolmentNotFound(id));
    }
}
