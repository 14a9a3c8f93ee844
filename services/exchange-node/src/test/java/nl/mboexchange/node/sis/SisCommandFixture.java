package nl.mboexchange.node.sis;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.mboexchange.sis.AcceptEnrolment;
import nl.mboexchange.sis.CorrectResult;
import nl.mboexchange.sis.RecordResult;
import nl.mboexchange.sis.RejectEnrolment;
import nl.mboexchange.sis.RequestEnrolment;
import nl.mboexchange.sis.WithdrawEnrolment;
import nl.mboexchange.sis.command.CourseOffering;
import nl.mboexchange.sis.command.RejectionReason;
import nl.mboexchange.sis.command.ResultScale;
import nl.mboexchange.sis.command.VisitingStudent;

/** Commands as a SIS sends them, each with a fresh command id. */
public final class SisCommandFixture {

    public static final String ISSUED_BY = "osiris-batch";

    private SisCommandFixture() {}

    static RequestEnrolment requestEnrolment(UUID enrolmentId, String hostSchool, UUID studentExchangeId) {
        return requestEnrolment(
                enrolmentId,
                hostSchool,
                VisitingStudent.newBuilder()
                        .setExchangeId(studentExchangeId)
                        .setGivenName("Sanne")
                        .setFamilyName("de Vries")
                        .setDateOfBirth(LocalDate.of(2007, 3, 14))
                        .setEmail("sanne@student.example")
                        .build());
    }

    /** A request to enrol this student at {@code hostSchool} in K0080. */
    public static RequestEnrolment requestEnrolment(UUID enrolmentId, String hostSchool, VisitingStudent student) {
        return RequestEnrolment.newBuilder()
                .setCommandId(UUID.randomUUID())
                .setIssuedBy(ISSUED_BY)
                .setIssuedAt(Instant.now())
                .setEnrolmentId(enrolmentId)
                .setHostSchool(hostSchool)
                .setStudent(student)
                .setCourse(CourseOffering.newBuilder()
                        .setCourseCode("K0080")
                        .setOfferingId("2026-S1-A")
                        .setTitle("Ondernemerschap")
                        .setStudyLoadHours(240)
                        .setStartDate(LocalDate.of(2026, 2, 1))
                        .setEndDate(LocalDate.of(2026, 6, 30))
                        .setResultScale(ResultScale.NUMERIC_1_TO_10)
                        .build())
                .build();
    }

    public static AcceptEnrolment acceptEnrolment(UUID enrolmentId) {
        return AcceptEnrolment.newBuilder()
                .setCommandId(UUID.randomUUID())
                .setIssuedBy(ISSUED_BY)
                .setIssuedAt(Instant.now())
                .setEnrolmentId(enrolmentId)
                .setNote("Room 2.14")
                .build();
    }

    static RejectEnrolment rejectEnrolment(UUID enrolmentId) {
        return RejectEnrolment.newBuilder()
                .setCommandId(UUID.randomUUID())
                .setIssuedBy(ISSUED_BY)
                .setIssuedAt(Instant.now())
                .setEnrolmentId(enrolmentId)
                .setReasonCode(RejectionReason.COURSE_FULL)
                .setReasonText("All places are taken")
                .build();
    }

    static WithdrawEnrolment withdrawEnrolment(UUID enrolmentId) {
        return WithdrawEnrolment.newBuilder()
                .setCommandId(UUID.randomUUID())
                .setIssuedBy(ISSUED_BY)
                .setIssuedAt(Instant.now())
                .setEnrolmentId(enrolmentId)
                .setReason("Changed programme")
                .build();
    }

    public static RecordResult recordResult(UUID enrolmentId, int attempt, String grade, boolean finalResult) {
        return RecordResult.newBuilder()
                .setCommandId(UUID.randomUUID())
                .setIssuedBy(ISSUED_BY)
                .setIssuedAt(Instant.now())
                .setEnrolmentId(enrolmentId)
                .setAttempt(attempt)
                .setGrade(grade)
                .setFinalResult(finalResult)
                .setAssessedOn(LocalDate.of(2026, 6, 20))
                .build();
    }

    static CorrectResult correctResult(UUID enrolmentId, int expectedVersion, String grade, boolean finalResult) {
        return CorrectResult.newBuilder()
                .setCommandId(UUID.randomUUID())
                .setIssuedBy(ISSUED_BY)
                .setIssuedAt(Instant.now())
                .setEnrolmentId(enrolmentId)
                .setAttempt(1)
                .setExpectedVersion(expectedVersion)
                .setGrade(grade)
                .setFinalResult(finalResult)
                .setAssessedOn(LocalDate.of(2026, 6, 20))
                .setReason("Marked again")
                .build();
    }
}
