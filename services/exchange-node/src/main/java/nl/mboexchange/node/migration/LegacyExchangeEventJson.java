package nl.mboexchange.node.migration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import nl.mboexchange.node.course.CourseCode;
import nl.mboexchange.node.course.CourseOffering;
import nl.mboexchange.node.enrolment.CourseResultRecorded;
import nl.mboexchange.node.enrolment.CourseResultRevoked;
import nl.mboexchange.node.enrolment.EnrolmentId;
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
import nl.mboexchange.node.result.ResultScale;
import nl.mboexchange.node.school.SchoolCode;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an exchange event as nodes before V9 kept it in the outbox: a JSON object with the field names of its Avro
 * record, dates and timestamps as ISO-8601 text, a grade as its text ({@code 7.5}, {@code PASSED}). Only {@link
 * ConvertLegacyOutboxPayloads} reads it, once.
 */
final class LegacyExchangeEventJson {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final JsonMapper mapper;

    LegacyExchangeEventJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    ExchangeEvent read(String type, String text) {
        Fields json = new Fields(mapper.readValue(text, OBJECT));
        EventHeader header = new EventHeader(
                json.uuid("eventId"),
                Instant.parse(json.text("occurredAt")),
                new EnrolmentId(json.uuid("enrolmentId")),
                SchoolCode.of(json.text("senderSchool")),
                SchoolCode.of(json.text("recipientSchool")));
        return switch (type) {
            case "RegistrationRequested" ->
                new RegistrationRequested(header, student(json.object("student")), course(json.object("course")));
            case "RegistrationAccepted" -> new RegistrationAccepted(header, json.text("note"));
            case "RegistrationRejected" ->
                new RegistrationRejected(
                        header,
                        new Rejection(RejectionReason.valueOf(json.text("reasonCode")), json.text("reasonText")));
            case "RegistrationWithdrawn" -> new RegistrationWithdrawn(header, json.text("reason"));
            case "CourseResultRecorded" ->
                new CourseResultRecorded(
                        header,
                        json.number("attempt"),
                        json.number("version"),
                        Grade.parse(json.text("grade")),
                        Boolean.TRUE.equals(json.values.get("finalResult")),
                        LocalDate.parse(json.text("assessedOn")),
                        json.text("correctionReason"));
            case "CourseResultRevoked" ->
                new CourseResultRevoked(header, json.number("attempt"), json.number("version"), json.text("reason"));
            case "ResultAcknowledged" ->
                new ResultAcknowledged(
                        header, json.uuid("acknowledgedEventId"), json.number("attempt"), json.number("version"));
            default -> throw new IllegalArgumentException("unknown event type " + type);
        };
    }

    private static VisitingStudent student(Fields json) {
        return new VisitingStudent(
                json.uuid("exchangeId"),
                json.text("givenName"),
                json.text("familyName"),
                LocalDate.parse(json.text("dateOfBirth")),
                json.text("email"));
    }

    private static CourseOffering course(Fields json) {
        return new CourseOffering(
                CourseCode.of(json.text("courseCode")),
                json.text("offeringId"),
                json.text("title"),
                json.number("studyLoadHours"),
                LocalDate.parse(json.text("startDate")),
                LocalDate.parse(json.text("endDate")),
                ResultScale.valueOf(json.text("resultScale")));
    }

    /** The fields of one JSON object, read as the types the events need. */
    private record Fields(Map<String, Object> values) {

        String text(String name) {
            Object value = values.get(name);
            return value == null ? null : value.toString();
        }

        UUID uuid(String name) {
            return UUID.fromString(text(name));
        }

        int number(String name) {
            return new BigDecimal(text(name)).intValueExact();
        }

        @SuppressWarnings("unchecked")
        Fields object(String name) {
            return new Fields((Map<String, Object>) values.get(name));
        }
    }
}
