package nl.mboexchange.node.enrolment;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Where enrolments are kept; optimistic locking guards every write against a concurrent change. */
public interface EnrolmentRepository {

    Optional<Enrolment> findById(EnrolmentId id);

    /** The enrolments with these ids that exist, in a mutable map; for a batch of events, in one round trip. */
    Map<EnrolmentId, Enrolment> findAllById(Collection<EnrolmentId> ids);

    /** The enrolments this school requested for the student with this exchange id, oldest first. */
    List<Enrolment> findRequestedFor(UUID exchangeId);

    /** Stores many enrolments at once, new and changed ones alike; a batch of events ends with this. */
    void saveAll(Collection<Enrolment> enrolments);
}
