package nl.mboexchange.node.enrolment.persistence;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toList;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.mboexchange.node.enrolment.Enrolment;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.EnrolmentRole;
import nl.mboexchange.node.enrolment.EnrolmentStatus;
import nl.mboexchange.node.enrolment.Rejection;
import nl.mboexchange.node.enrolment.RejectionReason;
import nl.mboexchange.node.result.Assessment;
import nl.mboexchange.node.result.Attempt;
import nl.mboexchange.node.result.Grade;
import nl.mboexchange.node.result.Receipt;
import nl.mboexchange.node.result.ResultVersion;
import nl.mboexchange.node.result.Revocation;
import nl.mboexchange.node.school.SchoolCode;

/** Translates between the enrolment aggregate and its stored form; the one place that knows both. */
final class EnrolmentMapper {

    private EnrolmentMapper() {}

    static EnrolmentEntity toEntity(Enrolment enrolment) {
        Enrolment.Snapshot state = enrolment.snapshot();
        Rejection rejection = state.rejection();
        Set<ResultVersionEntity> results = new HashSet<>();
        state.attempts().forEach(attempt -> attempt.versions().forEach(version -> results.add(toEntity(version))));
        return new EnrolmentEntity(
                state.id().value(),
                state.lockVersion(),
                state.role().name(),
                state.status().name(),
                state.homeSchool().value(),
                state.hostSchool().value(),
                state.student(),
                state.course(),
                state.requestedAt(),
                state.acceptanceNote(),
                rejection == null ? null : rejection.reasonCode().name(),
                rejection == null ? null : rejection.reasonText(),
                state.withdrawalReason(),
                state.lastChangedAt(),
                state.erasure(),
                results);
    }

    static Enrolment toDomain(EnrolmentEntity entity) {
        return Enrolment.restore(new Enrolment.Snapshot(
                new EnrolmentId(entity.id()),
                EnrolmentRole.valueOf(entity.role()),
                SchoolCode.of(entity.homeSchool()),
                SchoolCode.of(entity.hostSchool()),
                entity.student(),
                entity.course(),
                EnrolmentStatus.valueOf(entity.status()),
                entity.requestedAt(),
                entity.acceptanceNote(),
                entity.rejectionReasonCode() == null
                        ? null
                        : new Rejection(
                                RejectionReason.valueOf(entity.rejectionReasonCode()), entity.rejectionReasonText()),
                entity.withdrawalReason(),
                attempts(entity.results()),
                entity.lastChangedAt(),
                entity.erasure(),
                entity.version()));
    }

    static ResultVersionEntity toEntity(ResultVersion version) {
        Receipt receipt = version.receipt();
        if (version instanceof Assessment assessment) {
            return new ResultVersionEntity(
                    assessment.attempt(),
                    assessment.version(),
                    ResultVersionEntity.ASSESSMENT,
                    assessment.grade().text(),
                    assessment.finalResult(),
                    assessment.assessedOn(),
                    assessment.correctionReason(),
                    null,
                    assessment.eventId(),
                    assessment.occurredAt(),
                    receipt == null ? null : receipt.eventId(),
                    receipt == null ? null : receipt.acknowledgedAt());
        }
        Revocation revocation = (Revocation) version;
        return new ResultVersionEntity(
                revocation.attempt(),
                revocation.version(),
                ResultVersionEntity.REVOCATION,
                null,
                null,
                null,
                null,
                revocation.reason(),
                revocation.eventId(),
                revocation.occurredAt(),
                receipt == null ? null : receipt.eventId(),
                receipt == null ? null : receipt.acknowledgedAt());
    }

    private static List<Attempt> attempts(Set<ResultVersionEntity> results) {
        Map<Integer, List<ResultVersion>> byAttempt = results.stream()
                .sorted(Comparator.comparingInt(ResultVersionEntity::attempt)
                        .thenComparingInt(ResultVersionEntity::version))
                .map(EnrolmentMapper::toDomain)
                .collect(groupingBy(ResultVersion::attempt, TreeMap::new, toList()));
        return byAttempt.entrySet().stream()
                .map(entry -> new Attempt(entry.getKey(), entry.getValue()))
                .toList();
    }

    private static ResultVersion toDomain(ResultVersionEntity entity) {
        Receipt receipt =
                entity.receiptEventId() == null ? null : new Receipt(entity.receiptEventId(), entity.acknowledgedAt());
        if (ResultVersionEntity.REVOCATION.equals(entity.kind())) {
            return new Revocation(
                    entity.attempt(),
                    entity.version(),
                    entity.revocationReason(),
                    entity.eventId(),
                    entity.occurredAt(),
                    receipt);
        }
        return new Assessment(
                entity.attempt(),
                entity.version(),
                Grade.parse(entity.grade()),
                entity.finalResult(),
                entity.assessedOn(),
                entity.correctionReason(),
                entity.eventId(),
                entity.occurredAt(),
                receipt);
    }
}
