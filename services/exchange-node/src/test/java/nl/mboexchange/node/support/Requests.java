package nl.mboexchange.node.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

/** Bodies of the REST API's commands, for the tests that drive a lifecycle across two nodes. */
public final class Requests {

    private Requests() {}

    /** A student as the home school sends them. */
    public record Student(String exchangeId, String givenName, String familyName, String dateOfBirth, String email) {

        public static Student any() {
            return new Student(
                    UUID.randomUUID().toString(), "Sanne", "de Vries", "2007-03-14", "sanne@student.example");
        }
    }

    /** Requests an enrolment of {@code student} at {@code hostSchool} in K0080; returns the enrolment's id. */
    public static String enrol(RunningNode home, String hostSchool, Student student) {
        String id = UUID.randomUUID().toString();
        var response = home.post("/enrolments", requestBody(id, hostSchool, student, "2026-S1-A"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return id;
    }

    /** The body that requests enrolment {@code id} of {@code student} at {@code hostSchool} in an offering of K0080. */
    public static String requestBody(String id, String hostSchool, Student student, String offeringId) {
        return """
                {"enrolmentId": "%s", "hostSchool": "%s",
                 "student": {"exchangeId": "%s", "givenName": "%s", "familyName": "%s",
                             "dateOfBirth": "%s", "email": "%s"},
                 "course": {"courseCode": "K0080", "offeringId": "%s", "title": "Ondernemerschap",
                            "studyLoadHours": 240, "startDate": "2026-02-01", "endDate": "2026-06-30",
                            "resultScale": "NUMERIC_1_TO_10"}}
                """.formatted(
                        id,
                        hostSchool,
                        student.exchangeId(),
                        student.givenName(),
                        student.familyName(),
                        student.dateOfBirth(),
                        student.email(),
                        offeringId);
    }

    /** A first, final result of attempt 1. */
    public static String finalResult(String grade) {
        return "{\"attempt\": 1, \"grade\": \"%s\", \"finalResult\": true, \"assessedOn\": \"2026-06-20\"}"
                .formatted(grade);
    }

    /** The status of an enrolment as the API shows it. */
    public static String status(String enrolment) {
        return com.jayway.jsonpath.JsonPath.read(enrolment, "$.status");
    }
}
