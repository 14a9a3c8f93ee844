package nl.mboexchange.node.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.mboexchange.node.course.CourseCode;
import nl.mboexchange.node.course.CourseOffering;
import nl.mboexchange.node.enrolment.CourseResultRecorded;
import nl.mboexchange.node.enrolment.CourseResultRevoked;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.EventHeader;
import nl.mboexchange.node.enrolment.RegistrationAccepted;
import nl.mboexchange.node.enrolment.RegistrationRejected;
import nl.mboexchange.node.enrolment.RegistrationRequested;
import nl.mboexchange.node.enrolment.RegistrationWithdrawn;
import nl.mboexchange.node.enrolment.Rejection;
import nl.mboexchange.node.enrolment.RejectionReason;
import nl.mboexchange.node.enrolment.ResultAcknowledged;
import nl.mboexchange.node.enrolment.VisitingStudent;
import nl.mboexchange.node.result.Grade;
import nl.mboexchange.node.result.ResultScale;
import nl.mboexchange.node.school.SchoolCode;

/** School {@value #CODE}, the other side of the node under test: the events it sends to school 25LX. */
public final class CounterpartSchool {

    public static final String CODE = "30GH";
    public static final SchoolCode SCHOOL = SchoolCode.of(CODE);
    public static final SchoolCode NODE = SchoolCode.of(NodeIntegrationTest.SELF);
    public static final LocalDate ASSESSED_ON = LocalDate.parse("2026-01-20");

    private CounterpartSchool() {}

    /** As home school: it asks the node to host its student. */
    public static RegistrationRequested requests(EnrolmentId id, UUID studentId) {
        return new RegistrationRequested(
                header(id),
                new VisitingStudent(studentId, "Daan", "Jansen", LocalDate.parse("2005-11-03"), "daan@example.org"),
                new CourseOffering(
                        CourseCode.of("K0123"),
                        "2025-P2",
                        "Webshop bouwen",
                        160,
                        LocalDate.parse("2025-11-10"),
                        LocalDate.parse("2026-01-30"),
                        ResultScale.NUMERIC_1_TO_10));
    }

    /** As home school: it withdraws its student. */
    public static RegistrationWithdrawn withdraws(EnrolmentId id) {
        return new RegistrationWithdrawn(header(id), "changed programme");
    }

    /** As home school: its receipt for a result version. */
    public static ResultAcknowledged acknowledges(EnrolmentId id, UUID resultEventId, int attempt, int version) {
        return new ResultAcknowledged(header(id), resultEventId, attempt, version);
    }

    /** As host: it admits the node's student. */
    public static RegistrationAccepted accepts(EnrolmentId id) {
        return new RegistrationAccepted(header(id), "welcome");
    }

    /** As host: it does not admit the node's student. */
    public static RegistrationRejected rejects(EnrolmentId id) {
        return new RegistrationRejected(header(id), new Rejection(RejectionReason.COURSE_FULL, "no seats left"));
    }

    /** As host: a result version. */
    public static CourseResultRecorded records(
            EnrolmentId id, int attempt, int version, String grade, boolean finalResult) {
        return new CourseResultRecorded(
                header(id),
                attempt,
                version,
                Grade.parse(grade),
                finalResult,
                ASSESSED_ON,
                version == 1 ? null : "marked again");
    }

    /** As host: it revokes a result. */
    public static CourseResultRevoked revokes(EnrolmentId id, int attempt, int version) {
        return new CourseResultRevoked(header(id), attempt, version, "wrong student");
    }

    public static EventHeader header(EnrolmentId id) {
        return new EventHeader(UUID.randomUUID(), Instant.now(), id, SCHOOL, NODE);
    }
}
