package nl.mboexchange.node.enrolment.persistence;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Spring Data JDBC's repository of the aggregate, for one enrolment at a time. */
interface EnrolmentEntityRepository extends ListCrudRepository<EnrolmentEntity, UUID> {}
