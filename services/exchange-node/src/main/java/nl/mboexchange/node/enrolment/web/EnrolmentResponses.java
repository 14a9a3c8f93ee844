package nl.mboexchange.node.enrolment.web;

import java.util.List;
import java.util.Map;
import nl.mboexchange.node.enrolment.Enrolment;
import nl.mboexchange.node.enrolment.application.EnrolmentDetails;
import nl.mboexchange.node.enrolment.application.EnrolmentPage;
import nl.mboexchange.node.enrolment.timeline.TimelineEntry;
import nl.mboexchange.node.result.Assessment;
import nl.mboexchange.node.result.Attempt;
import nl.mboexchange.node.result.Receipt;
import nl.mboexchange.node.result.ResultVersion;
import nl.mboexchange.node.result.Revocation;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Renders enrolments as the API's response bodies. */
@Component
class EnrolmentResponses {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final JsonMapper mapper;

    EnrolmentResponses(JsonMapper mapper) {
        this.mapper = mapper;
    }

    EnrolmentResponse of(EnrolmentDetails details) {
        Enrolment enrolment = details.enrolment();
        return new EnrolmentResponse(
                enrolment.id().value(),
                EnrolmentDirection.of(enrolment.role()),
                enrolment.status(),
                enrolment.homeSchool().value(),
                enrolment.hostSchool().value(),
                StudentBody.of(enrolment.student()),
                CourseBody.of(enrolment.course()),
                enrolment.requestedAt(),
                enrolment.lastChangedAt(),
                enrolment.acceptanceNote(),
                enrolment.rejection() == null
                        ? null
                        : new EnrolmentResponse.RejectionResponse(
                                enrolment.rejection().reasonCode(),
                                enrolment.rejection().reasonText()),
                enrolment.withdrawalReason(),
                enrolment.attempts().stream().map(EnrolmentResponses::attempt).toList(),
                details.timeline().stream().map(this::timelineEntry).toList(),
                ErasureResponse.of(enrolment.erasure()));
    }

    EnrolmentListResponse of(EnrolmentPage page) {
        List<EnrolmentListResponse.EnrolmentListItem> items = page.items().stream()
                .map(summary -> new EnrolmentListResponse.EnrolmentListItem(
                        summary.id().value(),
                        EnrolmentDirection.of(summary.role()),
                        summary.status(),
                        summary.homeSchool().value(),
                        summary.hostSchool().value(),
                        summary.studentExchangeId(),
                        summary.studentName(),
                        summary.courseCode().value(),
                        summary.courseTitle(),
                        summary.startDate(),
                        summary.requestedAt(),
                        summary.lastChangedAt()))
                .toList();
        return new EnrolmentListResponse(items, page.page(), page.size(), page.totalItems(), page.totalPages());
    }

    private static EnrolmentResponse.AttemptResponse attempt(Attempt attempt) {
        return new EnrolmentResponse.AttemptResponse(
                attempt.number(),
                attempt.latestVersion(),
                attempt.isRevoked(),
                attempt.versions().stream().map(EnrolmentResponses::version).toList());
    }

    private static EnrolmentResponse.ResultVersionResponse version(ResultVersion version) {
        Receipt receipt = version.receipt();
        EnrolmentResponse.ReceiptResponse receiptResponse = receipt == null
                ? null
                : new EnrolmentResponse.ReceiptResponse(receipt.eventId(), receipt.acknowledgedAt());
        if (version instanceof Assessment assessment) {
            return new EnrolmentResponse.ResultVersionResponse(
                    assessment.version(),
                    "ASSESSMENT",
                    assessment.grade().text(),
                    assessment.finalResult(),
                    assessment.assessedOn(),
                    assessment.correctionReason(),
                    null,
                    assessment.eventId(),
                    assessment.occurredAt(),
                    receiptResponse);
        }
        Revocation revocation = (Revocation) version;
        return new EnrolmentResponse.ResultVersionResponse(
                revocation.version(),
                "REVOCATION",
                null,
                null,
                null,
                null,
                revocation.reason(),
                revocation.eventId(),
                revocation.occurredAt(),
                receiptResponse);
    }

    private EnrolmentResponse.TimelineEntryResponse timelineEntry(TimelineEntry entry) {
        return new EnrolmentResponse.TimelineEntryResponse(
                entry.eventId(),
                entry.direction().name(),
                entry.type(),
                entry.occurredAt(),
                entry.recordedAt(),
                entry.summary(),
                entry.refusal(),
                mapper.readValue(entry.details(), OBJECT),
                entry.cause() == null
                        ? EnrolmentResponse.CauseResponse.UNKNOWN
                        : new EnrolmentResponse.CauseResponse(
                                entry.cause().kind(),
                                entry.cause().by(),
                                entry.cause().sisCommandId(),
                                entry.cause().issuedBy()));
    }
}
