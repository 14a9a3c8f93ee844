package nl.mboexchange.node.enrolment.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an exchange event as a JSON object with the field names of its Avro record, and reads it back. Dates and
 * timestamps are ISO-8601 text, a grade is its text ({@code 7.5}, {@code PASSED}).
 */
@Component
public class ExchangeEventJson {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final JsonMapper mapper;

    public ExchangeEventJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public String write(ExchangeEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("eventId", event.eventId().toString());
        json.put("occurredAt", event.occurredAt().toString());
        json.put("enrolmentId", event.enrolmentId().toString());
        json.put("senderSchool", event.sender().value());
        json.put("recipientSchool", event.recipient().value());
        if (event instanceof RegistrationRequested requested) {
            json.put("student", student(requested.student()));
            json.put("course", course(requested.course()));
        } else if (event instanceof RegistrationAccepted accepted) {
            json.put("note", accepted.note());
        } else if (event instanceof RegistrationRejected rejected) {
            json.put("reasonCode", rejected.rejection().reasonCode().name());
            json.put("reasonText", rejected.rejection().reasonText());
        } else if (event instanceof RegistrationWithdrawn withdrawn) {
            json.put("reason", withdrawn.reason());
        } else if (event instanceof CourseResultRecorded recorded) {
            json.put("attempt", recorded.attempt());
            json.put("version", recorded.version());
            json.put("grade", recorded.grade().text());
            json.put("finalResult", recorded.finalResult());
            json.put("assessedOn", recorded.assessedOn().toString());
            json.put("correctionReason", recorded.correctionReason());
        } else if (event instanceof CourseResultRevoked revoked) {
            json.put("attempt", revoked.attempt());
            json.put("version", revoked.version());
            json.put("reason", revoked.reason());
        } else if (event instanceof ResultAcknowledged acknowledged) {
            json.put("acknowledgedEventId", acknowledged.acknowledgedEventId().toString());
            json.put("attempt", acknowledged.attempt());
            json.put("version", acknowledged.version());
        }
        return mapper.writeValueAsString(json);
    }

    public ExchangeEvent read(String type, String text) {
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

    private static Map<String, Object> student(VisitingStudent student) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("exchangeId", student.exchangeId().toString());
        json.put("givenName", student.givenName());
        json.put("familyName", student.familyName());
        json.put("dateOfBirth", student.dateOfBirth().toString());
        json.put("email", student.email());
        return json;
    }

    private static VisitingStudent student(Fields json) {
        return new VisitingStudent(
                json.uuid("exchangeId"),
                json.text("givenName"),
                json.text("familyName"),
                LocalDate.parse(json.text("dateOfBirth")),
                json.text("email"));
    }

    private static Map<String, Object> course(CourseOffering course) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("courseCode", course.courseCode().value());
        json.put("offeringId", course.offeringId());
        json.put("title", course.title());
        json.put("studyLoadHours", course.studyLoadHours());
        json.put("startDate", course.startDate().toString());
        json.put("endDate", course.endDate().toString());
        json.put("resultScale", course.resultScale().name());
        return json;
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
