package nl.mboexchange.node.enrolment.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.mboexchange.node.enrolment.Enrolment;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.EnrolmentRepository;
import org.springframework.stereotype.Repository;

/**
 * The enrolments in PostgreSQL, read and written by one path, {@link EnrolmentBatchStore}'s set-based SQL: one
 * enrolment is a batch of one. Its lock version guards every write against a concurrent change.
 */
@Repository
class JdbcEnrolmentRepository implements EnrolmentRepository {

    private final EnrolmentBatchStore batches;

    JdbcEnrolmentRepository(EnrolmentBatchStore batches) {
        this.batches = batches;
    }

    @Override
    public Optional<Enrolment> findById(EnrolmentId id) {
        return Optional.ofNullable(batches.loadAll(List.of(id)).get(id));
    }

    @Override
    public Map<EnrolmentId, Enrolment> findAllById(Collection<EnrolmentId> ids) {
        return batches.loadAll(ids);
    }

    @Override
    public List<Enrolment> findRequestedFor(UUID exchangeId) {
        return batches.loadRequestedFor(exchangeId);
    }

    @Override
    public void saveAll(Collection<Enrolment> enrolments) {
        if (!enrolments.isEmpty()) {
            batches.storeAll(enrolments);
        }
    }
}
