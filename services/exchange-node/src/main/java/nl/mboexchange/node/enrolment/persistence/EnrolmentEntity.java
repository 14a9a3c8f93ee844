package nl.mboexchange.node.enrolment.persistence;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** The stored form of the enrolment aggregate: the root row with its result versions. */
@Table("enrolment")
record EnrolmentEntity(
        @Id UUID id,
        @Version Long version,
        String role,
        String status,
        String homeSchool,
        String hostSchool,
        @Embedded.Empty(prefix = "student_") StudentColumns student,
        @Embedded.Empty(prefix = "course_") CourseColumns course,
        Instant requestedAt,
        String acceptanceNote,
        String rejectionReasonCode,
        String rejectionReasonText,
        String withdrawalReason,
        Instant lastChangedAt,
        @MappedCollection(idColumn = "enrolment_id") Set<ResultVersionEntity> results) {}
