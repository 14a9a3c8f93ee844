package nl.mboexchange.node.enrolment.persistence;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import nl.mboexchange.node.course.CourseOffering;
import nl.mboexchange.node.enrolment.Erasure;
import nl.mboexchange.node.enrolment.VisitingStudent;

/**
 * The stored form of the enrolment aggregate, as {@link EnrolmentBatchStore} reads and writes it: the root row with its
 * result versions. The student and the course are the domain's values, which the store maps to and from their columns
 * ({@code student_*}, {@code course_*}, {@code erasure_*}) in one place each; the erasure is {@code null} when never
 * asked for.
 */
record EnrolmentEntity(
        UUID id,
        Long version,
        String role,
        String status,
        String homeSchool,
        String hostSchool,
        VisitingStudent student,
        CourseOffering course,
        Instant requestedAt,
        String acceptanceNote,
        String rejectionReasonCode,
        String rejectionReasonText,
        String withdrawalReason,
        Instant lastChangedAt,
        Erasure erasure,
        Set<ResultVersionEntity> results) {}
