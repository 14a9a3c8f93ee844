package nl.mboexchange.node.enrolment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.mboexchange.node.course.CourseCode;
import nl.mboexchange.node.course.CourseOffering;
import nl.mboexchange.node.result.Grade;
import nl.mboexchange.node.result.NumericGrade;
import nl.mboexchange.node.result.ResultScale;
import nl.mboexchange.node.school.SchoolCode;

/** Enrolments and events in the states the tests need, at home school 25LX and host school 30GH. */
public final class EnrolmentFixture {

    public static final SchoolCode HOME = SchoolCode.of("25LX");
    public static final SchoolCode HOST = SchoolCode.of("30GH");
    public static final SchoolCode STRANGER = SchoolCode.of("99ZZ");
    public static final Instant NOW = Instant.parse("2025-09-01T10:00:00Z");
    public static final LocalDate ASSESSED_ON = LocalDate.parse("2026-01-20");
    public static final Grade SEVEN_AND_A_HALF = NumericGrade.of("7.5");

    private EnrolmentFixture() {}

    public static VisitingStudent student() {
        return new VisitingStudent(
                UUID.fromString("6f1c0a52-3d0e-4a51-9a57-0f4f9a3f2b11"),
                "Sanne",
                "de Vries",
                LocalDate.parse("2006-04-12"),
                "sanne.devries@example.org");
    }

    public static CourseOffering numericCourse() {
        return course(ResultScale.NUMERIC_1_TO_10);
    }

    public static CourseOffering course(ResultScale scale) {
        return new CourseOffering(
                CourseCode.of("K0080"),
                "2025-P1-A",
                "Ondernemerschap",
                240,
                LocalDate.parse("2025-09-01"),
                LocalDate.parse("2026-01-31"),
                scale);
    }

    /** At the home school: requested, the request already handed to the outbox. */
    public static Enrolment requestedOutgoingEnrolment() {
        Enrolment enrolment = Enrolment.request(EnrolmentId.random(), HOME, HOST, student(), numericCourse(), NOW);
        enrolment.releaseEvents();
        return enrolment;
    }

    /** At the home school: accepted by the host. */
    public static Enrolment acceptedOutgoingEnrolment() {
        Enrolment enrolment = requestedOutgoingEnrolment();
        enrolment.receiveAcceptance(new RegistrationAccepted(fromHost(enrolment.id()), null), NOW);
        return enrolment;
    }

    /** At the host school: requested by the home school. */
    public static Enrolment requestedIncomingEnrolment() {
        return requestedIncomingEnrolment(ResultScale.NUMERIC_1_TO_10);
    }

    public static Enrolment requestedIncomingEnrolment(ResultScale scale) {
        return Enrolment.receiveRequest(registrationRequested(EnrolmentId.random(), scale), HOST, NOW);
    }

    /** At the host school: accepted, the acceptance already handed to the outbox. */
    public static Enrolment acceptedIncomingEnrolment() {
        Enrolment enrolment = requestedIncomingEnrolment();
        enrolment.accept(null, NOW);
        enrolment.releaseEvents();
        return enrolment;
    }

    /** At the host school: accepted, with a provisional result for attempt 1 that the home school has not seen. */
    public static Enrolment incomingEnrolmentWithResult(boolean finalResult) {
        Enrolment enrolment = acceptedIncomingEnrolment();
        enrolment.recordResult(1, SEVEN_AND_A_HALF, finalResult, ASSESSED_ON, NOW);
        enrolment.releaseEvents();
        return enrolment;
    }

    public static RegistrationRequested registrationRequested(EnrolmentId id, ResultScale scale) {
        return new RegistrationRequested(fromHome(id), student(), course(scale));
    }

    /** A result version as the host sends it to the home school. */
    public static CourseResultRecorded resultFromHost(
            EnrolmentId id, int attempt, int version, Grade grade, boolean finalResult) {
        return new CourseResultRecorded(
                fromHost(id), attempt, version, grade, finalResult, ASSESSED_ON, version == 1 ? null : "marked again");
    }

    public static EventHeader fromHost(EnrolmentId id) {
        return EventHeader.next(id, HOST, HOME, NOW);
    }

    public static EventHeader fromHome(EnrolmentId id) {
        return EventHeader.next(id, HOME, HOST, NOW);
    }
}
