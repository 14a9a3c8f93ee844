package nl.mboexchange.node.enrolment.persistence;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import nl.mboexchange.node.enrolment.Enrolment;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.EnrolmentRepository;
import org.springframework.stereotype.Repository;

/**
 * The enrolments in PostgreSQL: one at a time through Spring Data JDBC, whose {@code @Version} guards against a
 * concurrent change, and a batch at a time through {@link EnrolmentBatchStore}, with the same check.
 */
@Repository
class JdbcEnrolmentRepository implements EnrolmentRepository {

    private final EnrolmentEntityRepository entities;
    private final EnrolmentBatchStore batches;

    JdbcEnrolmentRepository(EnrolmentEntityRepository entities, EnrolmentBatchStore batches) {
        this.entities = entities;
        this.batches = batches;
    }

    @Override
    public Optional<Enrolment> findById(EnrolmentId id) {
        return entities.findById(id.value()).map(EnrolmentMapper::toDomain);
    }

    @Override
    public Map<EnrolmentId, Enrolment> findAllById(Collection<EnrolmentId> ids) {
        return batches.loadAll(ids);
    }

    @Override
    public Enrolment save(Enrolment enrolment) {
        return EnrolmentMapper.toDomain(entities.save(EnrolmentMapper.toEntity(enrolment)));
    }

    @Override
    public void saveAll(Collection<Enrolment> enrolments) {
        if (!enrolments.isEmpty()) {
            batches.storeAll(enrolments);
        }
    }
}
