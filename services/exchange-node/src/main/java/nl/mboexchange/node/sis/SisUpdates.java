package nl.mboexchange.node.sis;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import nl.mboexchange.node.enrolment.CourseResultRecorded;
import nl.mboexchange.node.enrolment.CourseResultRevoked;
import nl.mboexchange.node.enrolment.Enrolment;
import nl.mboexchange.node.enrolment.EnrolmentRole;
import nl.mboexchange.node.enrolment.ErasureConfirmed;
import nl.mboexchange.node.enrolment.ErasureRequested;
import nl.mboexchange.node.enrolment.ExchangeEvent;
import nl.mboexchange.node.enrolment.RegistrationAccepted;
import nl.mboexchange.node.enrolment.RegistrationRejected;
import nl.mboexchange.node.enrolment.RegistrationRequested;
import nl.mboexchange.node.enrolment.RegistrationWithdrawn;
import nl.mboexchange.node.enrolment.ResultAcknowledged;
import nl.mboexchange.node.enrolment.application.Consequences;
import nl.mboexchange.node.enrolment.application.Origin;
import nl.mboexchange.node.enrolment.timeline.EventDirection;
import nl.mboexchange.node.kafka.ExchangeTopics;
import nl.mboexchange.node.outbox.OutboxRecord;
import nl.mboexchange.node.school.SchoolCode;
import nl.mboexchange.sis.CommandRejected;
import nl.mboexchange.sis.EnrolmentUpdate;
import nl.mboexchange.sis.event.CommandIdHolder;
import nl.mboexchange.sis.event.CourseOffering;
import nl.mboexchange.sis.event.EnrolmentChange;
import nl.mboexchange.sis.event.EnrolmentStatus;
import nl.mboexchange.sis.event.FieldError;
import nl.mboexchange.sis.event.RejectionKind;
import nl.mboexchange.sis.event.RejectionReason;
import nl.mboexchange.sis.event.ResultScale;
import nl.mboexchange.sis.event.ResultVersion;
import nl.mboexchange.sis.event.VisitingStudent;

/**
 * The messages on this school's events topic, as outbox records keyed by enrolment id: an {@link EnrolmentUpdate} for
 * each event an enrolment sent or applied, and for a command that changed nothing; a {@link CommandRejected} for a
 * command that was refused.
 */
final class SisUpdates {

    private final String topic;
    private final String sisLogin;
    private final Clock clock;

    /** The events topic these updates go to. */
    String topic() {
        return topic;
    }

    /**
     * The Kafka login of the school's SIS, {@code sis-<code>}: the only login the network's ACLs allow to write the
     * school's commands topic, so the one that wrote every command this node reads.
     */
    String sisLogin() {
        return sisLogin;
    }

    SisUpdates(ExchangeTopics topics, SchoolCode self, Clock clock) {
        this.topic = topics.events(self);
        this.sisLogin = "sis-" + self.value();
        this.clock = clock;
    }

    /**
     * The update for an event the enrolment sent or applied.
     *
     * @param entry the timeline entry of the event; it must be {@link Consequences.Entry#applied() applied}. When a SIS
     *     command caused it, the update names that command.
     */
    OutboxRecord of(Consequences.Entry entry) {
        ExchangeEvent event = entry.event();
        Origin.SisCommand command = entry.origin() instanceof Origin.SisCommand sis ? sis : null;
        boolean sent = entry.timeline().direction() == EventDirection.OUT;
        SchoolCode self = sent ? event.sender() : event.recipient();
        SchoolCode other = sent ? event.recipient() : event.sender();
        boolean home = entry.role() == EnrolmentRole.HOME;
        EnrolmentUpdate.Builder update = EnrolmentUpdate.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(event.occurredAt())
                .setEnrolmentId(event.enrolmentId().value())
                .setRole(nl.mboexchange.sis.event.EnrolmentRole.valueOf(
                        entry.role().name()))
                .setStatus(EnrolmentStatus.valueOf(entry.status().name()))
                .setHomeSchool((home ? self : other).value())
                .setHostSchool((home ? other : self).value())
                .setCommandId(command == null ? null : command.commandId())
                .setIssuedBy(command == null ? null : command.issuedBy())
                .setExchangeEventId(event.eventId());
        describe(event, sent, update);
        return record(event.enrolmentId().toString(), update.build());
    }

    /** The answer to a command that found its enrolment already as it asks, with the status it found. */
    OutboxRecord unchanged(
            IssuedCommand command, Enrolment enrolment, nl.mboexchange.node.enrolment.EnrolmentStatus status) {
        return record(
                enrolment.id().toString(),
                EnrolmentUpdate.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(clock.instant())
                        .setEnrolmentId(enrolment.id().value())
                        .setChange(EnrolmentChange.NO_CHANGE)
                        .setRole(nl.mboexchange.sis.event.EnrolmentRole.valueOf(
                                enrolment.role().name()))
                        .setStatus(EnrolmentStatus.valueOf(status.name()))
                        .setHomeSchool(enrolment.homeSchool().value())
                        .setHostSchool(enrolment.hostSchool().value())
                        .setCommandId(command.commandId())
                        .setIssuedBy(command.issuedBy())
                        .build());
    }

    /** The answer to a command that was not carried out. */
    OutboxRecord rejected(IssuedCommand command, RejectionKind kind, String code, String field, String reason) {
        return rejected(command, kind, code, field, reason, List.of(), null);
    }

    /**
     * The answer to a command that was not carried out.
     *
     * @param errors every wrong field, for a command that has them; {@code field} and {@code code} are the first's
     * @param idHeldBy for a command id used before for another command: that command
     */
    OutboxRecord rejected(
            IssuedCommand command,
            RejectionKind kind,
            String code,
            String field,
            String reason,
            List<FieldProblem> errors,
            CommandIdHolder idHeldBy) {
        return record(
                command.enrolmentId().toString(),
                CommandRejected.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(clock.instant())
                        .setEnrolmentId(command.enrolmentId().value())
                        .setCommandId(command.commandId())
                        .setCommandType(command.type())
                        .setIssuedBy(command.issuedBy())
                        .setKind(kind)
                        .setCode(code)
                        .setField(field)
                        .setReason(reason)
                        .setErrors(errors.stream()
                                .map(error -> FieldError.newBuilder()
                                        .setField(error.field())
                                        .setCode(error.code())
                                        .setReason(error.reason())
                                        .build())
                                .toList())
                        .setIdHeldBy(idHeldBy)
                        .build());
    }

    private OutboxRecord record(String key, EnrolmentUpdate update) {
        return new OutboxRecord(update.getEventId(), topic, key, update);
    }

    private OutboxRecord record(String key, CommandRejected rejected) {
        return new OutboxRecord(rejected.getEventId(), topic, key, rejected);
    }

    private static void describe(ExchangeEvent event, boolean sent, EnrolmentUpdate.Builder update) {
        event.accept(new ExchangeEvent.Visitor<EnrolmentUpdate.Builder>() {
            @Override
            public EnrolmentUpdate.Builder requested(RegistrationRequested e) {
                update.setChange(
                                sent
                                        ? EnrolmentChange.ENROLMENT_REQUESTED
                                        : EnrolmentChange.VISITING_STUDENT_REGISTERED)
                        .setStudent(VisitingStudent.newBuilder()
                                .setExchangeId(e.student().exchangeId())
                                .setGivenName(e.student().givenName())
                                .setFamilyName(e.student().familyName())
                                .setDateOfBirth(e.student().dateOfBirth())
                                .setEmail(e.student().email())
                                .build())
                        .setCourse(CourseOffering.newBuilder()
                                .setCourseCode(e.course().courseCode().value())
                                .setOfferingId(e.course().offeringId())
                                .setTitle(e.course().title())
                                .setStudyLoadHours(e.course().studyLoadHours())
                                .setStartDate(e.course().startDate())
                                .setEndDate(e.course().endDate())
                                .setResultScale(ResultScale.valueOf(
                                        e.course().resultScale().name()))
                                .build());
                return update;
            }

            @Override
            public EnrolmentUpdate.Builder accepted(RegistrationAccepted e) {
                update.setChange(sent ? EnrolmentChange.ENROLMENT_ACCEPTED : EnrolmentChange.ACCEPTANCE_RECEIVED)
                        .setAcceptanceNote(e.note());
                return update;
            }

            @Override
            public EnrolmentUpdate.Builder rejected(RegistrationRejected e) {
                update.setChange(sent ? EnrolmentChange.ENROLMENT_REJECTED : EnrolmentChange.REJECTION_RECEIVED)
                        .setRejectionReasonCode(RejectionReason.valueOf(
                                e.rejection().reasonCode().name()))
                        .setRejectionReasonText(e.rejection().reasonText());
                return update;
            }

            @Override
            public EnrolmentUpdate.Builder withdrawn(RegistrationWithdrawn e) {
                update.setChange(sent ? EnrolmentChange.ENROLMENT_WITHDRAWN : EnrolmentChange.WITHDRAWAL_RECEIVED)
                        .setWithdrawalReason(e.reason());
                return update;
            }

            @Override
            public EnrolmentUpdate.Builder resultRecorded(CourseResultRecorded e) {
                boolean first = e.version() == 1;
                EnrolmentChange change;
                if (sent) {
                    change = first ? EnrolmentChange.RESULT_RECORDED : EnrolmentChange.RESULT_CORRECTED;
                } else {
                    change = first ? EnrolmentChange.RESULT_RECEIVED : EnrolmentChange.CORRECTION_RECEIVED;
                }
                update.setChange(change)
                        .setResult(ResultVersion.newBuilder()
                                .setAttempt(e.attempt())
                                .setVersion(e.version())
                                .setGrade(e.grade().text())
                                .setFinalResult(e.finalResult())
                                .setAssessedOn(e.assessedOn())
                                .setCorrectionReason(e.correctionReason())
                                .build());
                return update;
            }

            @Override
            public EnrolmentUpdate.Builder resultRevoked(CourseResultRevoked e) {
                update.setChange(sent ? EnrolmentChange.RESULT_REVOKED : EnrolmentChange.REVOCATION_RECEIVED)
                        .setResult(ResultVersion.newBuilder()
                                .setAttempt(e.attempt())
                                .setVersion(e.version())
                                .setRevocationReason(e.reason())
                                .build());
                return update;
            }

            @Override
            public EnrolmentUpdate.Builder resultAcknowledged(ResultAcknowledged e) {
                update.setChange(sent ? EnrolmentChange.RECEIPT_SENT : EnrolmentChange.RECEIPT_RECEIVED)
                        .setResult(ResultVersion.newBuilder()
                                .setAttempt(e.attempt())
                                .setVersion(e.version())
                                .build());
                return update;
            }

            @Override
            public EnrolmentUpdate.Builder erasureRequested(ErasureRequested e) {
                return update.setChange(
                        sent ? EnrolmentChange.ERASURE_REQUESTED : EnrolmentChange.ERASURE_REQUEST_RECEIVED);
            }

            @Override
            public EnrolmentUpdate.Builder erasureConfirmed(ErasureConfirmed e) {
                return update.setChange(
                        sent ? EnrolmentChange.ERASURE_CONFIRMED : EnrolmentChange.ERASURE_CONFIRMATION_RECEIVED);
            }
        });
    }
}
