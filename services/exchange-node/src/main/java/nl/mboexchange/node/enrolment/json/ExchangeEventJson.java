package nl.mboexchange.node.enrolment.json;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.mboexchange.node.course.CourseOffering;
import nl.mboexchange.node.enrolment.CourseResultRecorded;
import nl.mboexchange.node.enrolment.CourseResultRevoked;
import nl.mboexchange.node.enrolment.ErasureConfirmed;
import nl.mboexchange.node.enrolment.ErasureRequested;
import nl.mboexchange.node.enrolment.ExchangeEvent;
import nl.mboexchange.node.enrolment.RegistrationAccepted;
import nl.mboexchange.node.enrolment.RegistrationRejected;
import nl.mboexchange.node.enrolment.RegistrationRequested;
import nl.mboexchange.node.enrolment.RegistrationWithdrawn;
import nl.mboexchange.node.enrolment.ResultAcknowledged;
import nl.mboexchange.node.enrolment.VisitingStudent;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an exchange event as a JSON object with the field names of its Avro record, for a registrar to read in the
 * timeline's details. Dates and timestamps are ISO-8601 text, a grade is its text ({@code 7.5}, {@code PASSED}).
 */
@Component
public class ExchangeEventJson {

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
        event.accept(new ExchangeEvent.Visitor<Void>() {
            @Override
            public Void requested(RegistrationRequested requested) {
                json.put("student", student(requested.student()));
                json.put("course", course(requested.course()));
                return null;
            }

            @Override
            public Void accepted(RegistrationAccepted accepted) {
                json.put("note", accepted.note());
                return null;
            }

            @Override
            public Void rejected(RegistrationRejected rejected) {
                json.put("reasonCode", rejected.rejection().reasonCode().name());
                json.put("reasonText", rejected.rejection().reasonText());
                return null;
            }

            @Override
            public Void withdrawn(RegistrationWithdrawn withdrawn) {
                json.put("reason", withdrawn.reason());
                return null;
            }

            @Override
            public Void resultRecorded(CourseResultRecorded recorded) {
                json.put("attempt", recorded.attempt());
                json.put("version", recorded.version());
                json.put("grade", recorded.grade().text());
                json.put("finalResult", recorded.finalResult());
                json.put("assessedOn", recorded.assessedOn().toString());
                json.put("correctionReason", recorded.correctionReason());
                return null;
            }

            @Override
            public Void resultRevoked(CourseResultRevoked revoked) {
                json.put("attempt", revoked.attempt());
                json.put("version", revoked.version());
                json.put("reason", revoked.reason());
                return null;
            }

            @Override
            public Void resultAcknowledged(ResultAcknowledged acknowledged) {
                json.put(
                        "acknowledgedEventId",
                        acknowledged.acknowledgedEventId().toString());
                json.put("attempt", acknowledged.attempt());
                json.put("version", acknowledged.version());
                return null;
            }

            @Override
            public Void erasureRequested(ErasureRequested requested) {
                return null;
            }

            @Override
            public Void erasureConfirmed(ErasureConfirmed confirmed) {
                json.put("requestEventId", confirmed.requestEventId().toString());
                return null;
            }
        });
        return mapper.writeValueAsString(json);
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
}
