package nl.mboexchange.node.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.mboexchange.exchange.CourseOffering;
import nl.mboexchange.exchange.RegistrationRequested;
import nl.mboexchange.exchange.RegistrationWithdrawn;
import nl.mboexchange.exchange.ResultScale;
import nl.mboexchange.exchange.VisitingStudent;

/** Exchange events as another school's software writes them on the wire: Avro records, not the node's domain. */
public final class PartnerEvents {

    public static final LocalDate DATE_OF_BIRTH = LocalDate.of(2007, 3, 14);
    public static final String TITLE = "Webshop bouwen";

    private PartnerEvents() {}

    /** The home school {@code from} asks {@code to} to host a student in a course with this title. */
    public static RegistrationRequested requested(
            UUID enrolmentId, String from, String to, String title, LocalDate dateOfBirth) {
        return requested(
                enrolmentId,
                from,
                to,
                title,
                VisitingStudent.newBuilder()
                        .setExchangeId(UUID.randomUUID())
                        .setGivenName("Daan")
                        .setFamilyName("Jansen")
                        .setDateOfBirth(dateOfBirth)
                        .setEmail("daan@student.example")
                        .build());
    }

    /** The home school {@code from} asks {@code to} to host this student in a course with this title. */
    public static RegistrationRequested requested(
            UUID enrolmentId, String from, String to, String title, VisitingStudent student) {
        return RegistrationRequested.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setEnrolmentId(enrolmentId)
                .setSenderSchool(from)
                .setRecipientSchool(to)
                .setStudent(student)
                .setCourse(CourseOffering.newBuilder()
                        .setCourseCode("K0123")
                        .setOfferingId("2026-P2")
                        .setTitle(title)
                        .setStudyLoadHours(160)
                        .setStartDate(LocalDate.of(2026, 2, 1))
                        .setEndDate(LocalDate.of(2026, 6, 30))
                        .setResultScale(ResultScale.NUMERIC_1_TO_10)
                        .build())
                .build();
    }

    public static RegistrationRequested requested(UUID enrolmentId, String from, String to) {
        return requested(enrolmentId, from, to, TITLE, DATE_OF_BIRTH);
    }

    /** The home school {@code from} withdraws its student. */
    public static RegistrationWithdrawn withdrawn(UUID enrolmentId, String from, String to) {
        return RegistrationWithdrawn.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setEnrolmentId(enrolmentId)
                .setSenderSchool(from)
                .setRecipientSchool(to)
                .setReason("changed programme")
                .build();
    }
}
