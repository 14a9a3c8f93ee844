package nl.mboexchange.node.enrolment.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.mboexchange.node.enrolment.EnrolmentStatus;
import nl.mboexchange.node.enrolment.RejectionReason;

/**
 * One enrolment in full: its state, every result version with its receipt, and its timeline.
 *
 * @param id the enrolment id
 * @param direction {@code outgoing} when this school is the home school, {@code incoming} when it is the host
 * @param status the lifecycle status
 * @param homeSchool the home school
 * @param hostSchool the host school
 * @param student the student
 * @param course the course offering
 * @param requestedAt when the home school requested the enrolment
 * @param lastChangedAt when this node last changed it
 * @param acceptanceNote the host's note on admission
 * @param rejection the host's reason for not admitting
 * @param withdrawalReason the home school's reason for withdrawing
 * @param results every attempt with all its versions
 * @param timeline every event sent and received, oldest first
 * @param erasure where the erasure of the student's personal data stands; absent when it was never asked for
 */
record EnrolmentResponse(
        UUID id,
        String direction,
        EnrolmentStatus status,
        String homeSchool,
        String hostSchool,
        StudentBody student,
        CourseBody course,
        Instant requestedAt,
        Instant lastChangedAt,
        String acceptanceNote,
        RejectionResponse rejection,
        String withdrawalReason,
        List<AttemptResponse> results,
        List<TimelineEntryResponse> timeline,
        ErasureResponse erasure) {

    /**
     * Why the host did not admit the student.
     *
     * @param reasonCode the kind of reason
     * @param reasonText the host's explanation
     */
    record RejectionResponse(RejectionReason reasonCode, String reasonText) {}

    /**
     * The result of one attempt.
     *
     * @param attempt the attempt number
     * @param latestVersion the version that counts
     * @param revoked the result is revoked
     * @param versions every version, oldest first
     */
    record AttemptResponse(int attempt, int latestVersion, boolean revoked, List<ResultVersionResponse> versions) {}

    /**
     * One version of an attempt's result.
     *
     * @param version the version number
     * @param kind {@code ASSESSMENT} (a grade) or {@code REVOCATION}
     * @param grade the grade of an assessment
     * @param finalResult whether an assessment is final
     * @param assessedOn the day of an assessment
     * @param correctionReason why an assessment corrects the previous version
     * @param revocationReason why the result is revoked
     * @param eventId the event that published this version
     * @param occurredAt when the host recorded it
     * @param receipt the home school's receipt, absent until acknowledged
     */
    record ResultVersionResponse(
            int version,
            String kind,
            String grade,
            Boolean finalResult,
            LocalDate assessedOn,
            String correctionReason,
            String revocationReason,
            UUID eventId,
            Instant occurredAt,
            ReceiptResponse receipt) {}

    /**
     * The home school's acknowledgement of a result version.
     *
     * @param eventId the event that carried the receipt
     * @param acknowledgedAt when the home school recorded the version
     */
    record ReceiptResponse(UUID eventId, Instant acknowledgedAt) {}

    /**
     * One event in the timeline.
     *
     * @param eventId the event id
     * @param direction {@code IN} when received, {@code OUT} when sent
     * @param type the event type
     * @param occurredAt when it happened at its sender
     * @param recordedAt when this node recorded it
     * @param summary a one-line account
     * @param refusal why this node refused a received event
     * @param details the event's fields
     * @param causedBy who caused it
     */
    record TimelineEntryResponse(
            UUID eventId,
            String direction,
            String type,
            Instant occurredAt,
            Instant recordedAt,
            String summary,
            String refusal,
            Map<String, Object> details,
            @Schema(description = "Who caused the entry") CauseResponse causedBy) {}

    /**
     * Who caused a timeline entry.
     *
     * @param kind {@code REGISTRAR} (a registrar of this school, through the API or the console), {@code SIS_COMMAND}
     *     (a command of this school's SIS), {@code SCHOOL} (an event another school sent), or {@code UNKNOWN} for an
     *     entry recorded before causes were kept
     * @param by the registrar's user name, the Kafka login of the SIS that wrote the command ({@code sis-<code>}), or
     *     the sending school's code; absent when unknown
     * @param sisCommandId the SIS command's id, for {@code SIS_COMMAND} only
     * @param issuedBy who issued the SIS command in the SIS, as the command says; for {@code SIS_COMMAND} only, and
     *     absent when the command did not say
     */
    record CauseResponse(
            @Schema(
                    description = "REGISTRAR: a registrar of this school, through the API or the console;"
                            + " SIS_COMMAND: a command of this school's SIS; SCHOOL: an event another school"
                            + " sent; UNKNOWN: recorded before causes were kept",
                    allowableValues = {"REGISTRAR", "SIS_COMMAND", "SCHOOL", "UNKNOWN"})
            String kind,

            @Schema(
                    description = "The registrar's user name, the Kafka login of the SIS that wrote the command"
                            + " (sis-<code>), or the sending school's code; absent when unknown")
            String by,

            @Schema(description = "The SIS command's id; SIS_COMMAND only")
            UUID sisCommandId,

            @Schema(description = "Who issued the command in the SIS, as the command says; SIS_COMMAND only")
            String issuedBy) {

        static final CauseResponse UNKNOWN = new CauseResponse("UNKNOWN", null, null, null);
    }
}
