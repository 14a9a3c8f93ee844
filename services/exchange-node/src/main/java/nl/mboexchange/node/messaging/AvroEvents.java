package nl.mboexchange.node.messaging;

import nl.mboexchange.node.course.CourseCode;
import nl.mboexchange.node.course.CourseOffering;
import nl.mboexchange.node.enrolment.CourseResultRecorded;
import nl.mboexchange.node.enrolment.CourseResultRevoked;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.ErasureConfirmed;
import nl.mboexchange.node.enrolment.ErasureRequested;
import nl.mboexchange.node.enrolment.EventHeader;
import nl.mboexchange.node.enrolment.ExchangeEvent;
import nl.mboexchange.node.enrolment.RegistrationAccepted;
import nl.mboexchange.node.enrolment.RegistrationRejected;
import nl.mboexchange.node.enrolment.RegistrationRequested;
import nl.mboexchange.node.enrolment.RegistrationWithdrawn;
import nl.mboexchange.node.enrolment.Rejection;
import nl.mboexchange.node.enrolment.RejectionReason;
import nl.mboexchange.node.enrolment.ResultAcknowledged;
import nl.mboexchange.node.enrolment.VisitingStudent;
import nl.mboexchange.node.result.Grade;
import nl.mboexchange.node.result.NumericGrade;
import nl.mboexchange.node.result.PassFailGrade;
import nl.mboexchange.node.result.ResultScale;
import nl.mboexchange.node.school.SchoolCode;
import org.apache.avro.specific.SpecificRecord;

/**
 * Translates between the node's events and the Avro records of the exchange contract ({@code schemas/}). The two are
 * kept apart so that the contract can evolve by its own rules while the domain stays free of Avro.
 */
public final class AvroEvents {

    private AvroEvents() {}

    /** The Avro record that carries the event on the wire. */
    public static SpecificRecord toAvro(ExchangeEvent event) {
        return event.accept(TO_AVRO);
    }

    private static final ExchangeEvent.Visitor<SpecificRecord> TO_AVRO = new ExchangeEvent.Visitor<>() {
        @Override
        public SpecificRecord requested(RegistrationRequested e) {
            return nl.mboexchange.exchange.RegistrationRequested.newBuilder()
                    .setEventId(e.header().eventId())
                    .setOccurredAt(e.header().occurredAt())
                    .setEnrolmentId(e.header().enrolmentId().value())
                    .setSenderSchool(e.header().sender().value())
                    .setRecipientSchool(e.header().recipient().value())
                    .setStudent(nl.mboexchange.exchange.VisitingStudent.newBuilder()
                            .setExchangeId(e.student().exchangeId())
                            .setGivenName(e.student().givenName())
                            .setFamilyName(e.student().familyName())
                            .setDateOfBirth(e.student().dateOfBirth())
                            .setEmail(e.student().email())
                            .build())
                    .setCourse(nl.mboexchange.exchange.CourseOffering.newBuilder()
                            .setCourseCode(e.course().courseCode().value())
                            .setOfferingId(e.course().offeringId())
                            .setTitle(e.course().title())
                            .setStudyLoadHours(e.course().studyLoadHours())
                            .setStartDate(e.course().startDate())
                            .setEndDate(e.course().endDate())
                            .setResultScale(nl.mboexchange.exchange.ResultScale.valueOf(
                                    e.course().resultScale().name()))
                            .build())
                    .build();
        }

        @Override
        public SpecificRecord accepted(RegistrationAccepted e) {
            return nl.mboexchange.exchange.RegistrationAccepted.newBuilder()
                    .setEventId(e.header().eventId())
                    .setOccurredAt(e.header().occurredAt())
                    .setEnrolmentId(e.header().enrolmentId().value())
                    .setSenderSchool(e.header().sender().value())
                    .setRecipientSchool(e.header().recipient().value())
                    .setNote(e.note())
                    .build();
        }

        @Override
        public SpecificRecord rejected(RegistrationRejected e) {
            return nl.mboexchange.exchange.RegistrationRejected.newBuilder()
                    .setEventId(e.header().eventId())
                    .setOccurredAt(e.header().occurredAt())
                    .setEnrolmentId(e.header().enrolmentId().value())
                    .setSenderSchool(e.header().sender().value())
                    .setRecipientSchool(e.header().recipient().value())
                    .setReasonCode(nl.mboexchange.exchange.RejectionReason.valueOf(
                            e.rejection().reasonCode().name()))
                    .setReasonText(e.rejection().reasonText())
                    .build();
        }

        @Override
        public SpecificRecord withdrawn(RegistrationWithdrawn e) {
            return nl.mboexchange.exchange.RegistrationWithdrawn.newBuilder()
                    .setEventId(e.header().eventId())
                    .setOccurredAt(e.header().occurredAt())
                    .setEnrolmentId(e.header().enrolmentId().value())
                    .setSenderSchool(e.header().sender().value())
                    .setRecipientSchool(e.header().recipient().value())
                    .setReason(e.reason())
                    .build();
        }

        @Override
        public SpecificRecord resultRecorded(CourseResultRecorded e) {
            return nl.mboexchange.exchange.CourseResultRecorded.newBuilder()
                    .setEventId(e.header().eventId())
                    .setOccurredAt(e.header().occurredAt())
                    .setEnrolmentId(e.header().enrolmentId().value())
                    .setSenderSchool(e.header().sender().value())
                    .setRecipientSchool(e.header().recipient().value())
                    .setAttempt(e.attempt())
                    .setVersion(e.version())
                    .setGrade(toAvro(e.grade()))
                    .setFinalResult(e.finalResult())
                    .setAssessedOn(e.assessedOn())
                    .setCorrectionReason(e.correctionReason())
                    .build();
        }

        @Override
        public SpecificRecord resultRevoked(CourseResultRevoked e) {
            return nl.mboexchange.exchange.CourseResultRevoked.newBuilder()
                    .setEventId(e.header().eventId())
                    .setOccurredAt(e.header().occurredAt())
                    .setEnrolmentId(e.header().enrolmentId().value())
                    .setSenderSchool(e.header().sender().value())
                    .setRecipientSchool(e.header().recipient().value())
                    .setAttempt(e.attempt())
                    .setVersion(e.version())
                    .setReason(e.reason())
                    .build();
        }

        @Override
        public SpecificRecord resultAcknowledged(ResultAcknowledged e) {
            return nl.mboexchange.exchange.ResultAcknowledged.newBuilder()
                    .setEventId(e.header().eventId())
                    .setOccurredAt(e.header().occurredAt())
                    .setEnrolmentId(e.header().enrolmentId().value())
                    .setSenderSchool(e.header().sender().value())
                    .setRecipientSchool(e.header().recipient().value())
                    .setAcknowledgedEventId(e.acknowledgedEventId())
                    .setAttempt(e.attempt())
                    .setVersion(e.version())
                    .build();
        }

        @Override
        public SpecificRecord erasureRequested(ErasureRequested e) {
            return nl.mboexchange.exchange.ErasureRequested.newBuilder()
                    .setEventId(e.header().eventId())
                    .setOccurredAt(e.header().occurredAt())
                    .setEnrolmentId(e.header().enrolmentId().value())
                    .setSenderSchool(e.header().sender().value())
                    .setRecipientSchool(e.header().recipient().value())
                    .build();
        }

        @Override
        public SpecificRecord erasureConfirmed(ErasureConfirmed e) {
            return nl.mboexchange.exchange.ErasureConfirmed.newBuilder()
                    .setEventId(e.header().eventId())
                    .setOccurredAt(e.header().occurredAt())
                    .setEnrolmentId(e.header().enrolmentId().value())
                    .setSenderSchool(e.header().sender().value())
                    .setRecipientSchool(e.header().recipient().value())
                    .setRequestEventId(e.requestEventId())
                    .build();
        }
    };

    /**
     * The node's event for a received Avro record.
     *
     * @throws nl.mboexchange.node.shared.InvalidInput when the record breaks a rule of the domain (a grade off the
     *     scale, a course code that is not an SBB code, ...)
     * @throws UnknownEventType when the record is not an event of the exchange
     */
    static ExchangeEvent fromAvro(Object record) {
        if (record instanceof nl.mboexchange.exchange.RegistrationRequested r) {
            return new RegistrationRequested(
                    header(
                            r.getEventId(),
                            r.getOccurredAt(),
                            r.getEnrolmentId(),
                            r.getSenderSchool(),
                            r.getRecipientSchool()),
                    VisitingStudent.of(
                            r.getStudent().getExchangeId(),
                            r.getStudent().getGivenName(),
                            r.getStudent().getFamilyName(),
                            r.getStudent().getDateOfBirth(),
                            r.getStudent().getEmail()),
                    new CourseOffering(
                            CourseCode.of(r.getCourse().getCourseCode()),
                            r.getCourse().getOfferingId(),
                            r.getCourse().getTitle(),
                            r.getCourse().getStudyLoadHours(),
                            r.getCourse().getStartDate(),
                            r.getCourse().getEndDate(),
                            ResultScale.valueOf(r.getCourse().getResultScale().name())));
        }
        if (record instanceof nl.mboexchange.exchange.RegistrationAccepted r) {
            return new RegistrationAccepted(
                    header(
                            r.getEventId(),
                            r.getOccurredAt(),
                            r.getEnrolmentId(),
                            r.getSenderSchool(),
                            r.getRecipientSchool()),
                    r.getNote());
        }
        if (record instanceof nl.mboexchange.exchange.RegistrationRejected r) {
            return new RegistrationRejected(
                    header(
                            r.getEventId(),
                            r.getOccurredAt(),
                            r.getEnrolmentId(),
                            r.getSenderSchool(),
                            r.getRecipientSchool()),
                    new Rejection(RejectionReason.valueOf(r.getReasonCode().name()), r.getReasonText()));
        }
        if (record instanceof nl.mboexchange.exchange.RegistrationWithdrawn r) {
            return new RegistrationWithdrawn(
                    header(
                            r.getEventId(),
                            r.getOccurredAt(),
                            r.getEnrolmentId(),
                            r.getSenderSchool(),
                            r.getRecipientSchool()),
                    r.getReason());
        }
        if (record instanceof nl.mboexchange.exchange.CourseResultRecorded r) {
            return new CourseResultRecorded(
                    header(
                            r.getEventId(),
                            r.getOccurredAt(),
                            r.getEnrolmentId(),
                            r.getSenderSchool(),
                            r.getRecipientSchool()),
                    r.getAttempt(),
                    r.getVersion(),
                    grade(r.getGrade()),
                    r.getFinalResult(),
                    r.getAssessedOn(),
                    r.getCorrectionReason());
        }
        if (record instanceof nl.mboexchange.exchange.CourseResultRevoked r) {
            return new CourseResultRevoked(
                    header(
                            r.getEventId(),
                            r.getOccurredAt(),
                            r.getEnrolmentId(),
                            r.getSenderSchool(),
                            r.getRecipientSchool()),
                    r.getAttempt(),
                    r.getVersion(),
                    r.getReason());
        }
        if (record instanceof nl.mboexchange.exchange.ResultAcknowledged r) {
            return new ResultAcknowledged(
                    header(
                            r.getEventId(),
                            r.getOccurredAt(),
                            r.getEnrolmentId(),
                            r.getSenderSchool(),
                            r.getRecipientSchool()),
                    r.getAcknowledgedEventId(),
                    r.getAttempt(),
                    r.getVersion());
        }
        if (record instanceof nl.mboexchange.exchange.ErasureRequested r) {
            return new ErasureRequested(header(
                    r.getEventId(),
                    r.getOccurredAt(),
                    r.getEnrolmentId(),
                    r.getSenderSchool(),
                    r.getRecipientSchool()));
        }
        if (record instanceof nl.mboexchange.exchange.ErasureConfirmed r) {
            return new ErasureConfirmed(
                    header(
                            r.getEventId(),
                            r.getOccurredAt(),
                            r.getEnrolmentId(),
                            r.getSenderSchool(),
                            r.getRecipientSchool()),
                    r.getRequestEventId());
        }
        throw new UnknownEventType(
                record == null
                        ? "an empty record (no value)"
                        : record.getClass().getName());
    }

    private static EventHeader header(
            java.util.UUID eventId,
            java.time.Instant occurredAt,
            java.util.UUID enrolmentId,
            String sender,
            String recipient) {
        return new EventHeader(
                eventId,
                occurredAt,
                enrolmentId == null ? null : new EnrolmentId(enrolmentId),
                sender == null ? null : SchoolCode.of(sender),
                recipient == null ? null : SchoolCode.of(recipient));
    }

    private static Object toAvro(Grade grade) {
        if (grade instanceof NumericGrade numeric) {
            return new nl.mboexchange.exchange.NumericGrade(numeric.value());
        }
        return nl.mboexchange.exchange.PassFailGrade.valueOf(((PassFailGrade) grade).name());
    }

    private static Grade grade(Object grade) {
        if (grade instanceof nl.mboexchange.exchange.NumericGrade numeric) {
            return new NumericGrade(numeric.getValue());
        }
        if (grade instanceof nl.mboexchange.exchange.PassFailGrade passFail) {
            return PassFailGrade.valueOf(passFail.name());
        }
        throw new UnknownEventType(
                "a grade of type " + (grade == null ? "null" : grade.getClass().getName()));
    }

    /** A record on an exchange channel that is not one of the exchange's events. */
    static final class UnknownEventType extends RuntimeException {
        UnknownEventType(String what) {
            super("not an event of the exchange: " + what);
        }
    }
}
