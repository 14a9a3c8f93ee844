package nl.mboexchange.node.enrolment.web;

import java.util.UUID;

/** Request bodies of the REST API, as a registrar's client sends them. */
final class RequestBodies {

    private RequestBodies() {}

    static String enrolmentRequest(UUID enrolmentId, UUID studentId, String courseCode) {
        return """
                {
                  %s"hostSchool": "30GH",
                  "student": {
                    "exchangeId": "%s",
                    "givenName": "Sanne",
                    "familyName": "de Vries",
                    "dateOfBirth": "2006-04-12",
                    "email": "sanne.devries@example.org"
                  },
                  "course": {
                    "courseCode": "%s",
                    "offeringId": "2025-P1-A",
                    "title": "Ondernemerschap",
                    "studyLoadHours": 240,
                    "startDate": "2025-09-01",
                    "endDate": "2026-01-31",
                    "resultScale": "NUMERIC_1_TO_10"
                  }
                }
                """.formatted(
                        enrolmentId == null ? "" : "\"enrolmentId\": \"" + enrolmentId + "\", ", studentId, courseCode);
    }

    static String enrolmentRequest(UUID studentId) {
        return enrolmentRequest(null, studentId, "K0080");
    }

    static String result(int attempt, String grade, boolean finalResult) {
        return """
                {"attempt": %d, "grade": "%s", "finalResult": %s, "assessedOn": "2026-01-20"}
                """.formatted(attempt, grade, finalResult);
    }

    static String correction(int expectedVersion, String grade, boolean finalResult) {
        return """
                {"expectedVersion": %d, "grade": "%s", "finalResult": %s, "assessedOn": "2026-01-21",
                 "reason": "exam marked again"}
                """.formatted(expectedVersion, grade, finalResult);
    }
}
