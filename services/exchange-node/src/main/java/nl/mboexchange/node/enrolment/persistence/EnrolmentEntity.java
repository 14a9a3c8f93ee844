package nl.mboexchange.node.enrolment.persistence;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The stored form of the enrolment aggregate, as {@link EnrolmentBatchStore} reads and writes it: the root row (its
 * student and course columns prefixed {@code student_} and {@code course_}) with its result versions.
 */
record EnrolmentEntity(
        UUID id,
        Long version,
        String role,
        String status,
        String homeSchool,
        String hostSchool,
        StudentColumns student,
        CourseColumns course,
        Instant requestedAt,
        String acceptanceNote,
        String rejectionReasonCode,
        String rejectionReasonText,
        String withdrawalReason,
        Instant lastChangedAt,
        Set<ResultVersionEntity> results) {}
