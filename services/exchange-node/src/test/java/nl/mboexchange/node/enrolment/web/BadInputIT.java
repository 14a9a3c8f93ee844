package nl.mboexchange.node.enrolment.web;

import static nl.mboexchange.node.enrolment.web.RequestBodies.enrolmentRequest;
import static nl.mboexchange.node.enrolment.web.RequestBodies.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.support.CounterpartSchool;
import nl.mboexchange.node.support.DatabaseState;
import nl.mboexchange.node.support.NodeIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Bad requests get a problem detail that names what is wrong, never a 500, and change nothing in the database.
 */
class BadInputIT extends NodeIntegrationTest {

    private String incomingRequested;
    private String incomingAccepted;
    private String outgoing;

    @BeforeEach
    void enrolments() {
        EnrolmentId requested = EnrolmentId.random();
        EnrolmentId accepted = EnrolmentId.random();
        incoming.apply(List.of(
                CounterpartSchool.requests(requested, UUID.randomUUID()),
                CounterpartSchool.requests(accepted, UUID.randomUUID())));
        post("/api/v1/enrolments/" + accepted + "/accept", null);
        incomingRequested = "/api/v1/enrolments/" + requested;
        incomingAccepted = "/api/v1/enrolments/" + accepted;
        outgoing =
                "/api/v1/enrolments/" + read(post("/api/v1/enrolments", enrolmentRequest(UUID.randomUUID())), "$.id");
    }

    @Test
    void a_request_without_a_student_names_the_field() {
        String body = """
                {"hostSchool": "30GH", "course": {"courseCode": "K0080", "offeringId": "A", "title": "T",
                 "studyLoadHours": 240, "startDate": "2025-09-01", "endDate": "2026-01-31",
                 "resultScale": "PASS_FAIL"}}
                """;
        assertBadInput(() -> post("/api/v1/enrolments", body), "student");
    }

    @Test
    void a_course_code_that_is_not_an_sbb_code_is_refused() {
        assertBadInput(
                () -> post("/api/v1/enrolments", enrolmentRequest(null, UUID.randomUUID(), "X123")),
                "course.courseCode");
    }

    @Test
    void a_host_school_code_of_the_wrong_format_is_refused() {
        assertBadInput(
                () -> post(
                        "/api/v1/enrolments",
                        enrolmentRequest(UUID.randomUUID()).replace("\"30GH\"", "\"30gh\"")),
                "hostSchool");
    }

    @Test
    void a_school_cannot_request_an_enrolment_at_itself() {
        assertBadInput(
                () -> post(
                        "/api/v1/enrolments",
                        enrolmentRequest(UUID.randomUUID()).replace("\"30GH\"", "\"" + SELF + "\"")),
                "hostSchool");
    }

    @Test
    void missing_and_invalid_student_fields_are_all_named() {
        String body = enrolmentRequest(UUID.randomUUID())
                .replace("\"Sanne\"", "\"\"")
                .replace("sanne.devries@example.org", "not-an-address");
        MvcTestResult result = assertBadInput(() -> post("/api/v1/enrolments", body), "student.givenName");
        assertThat((List<String>) read(result, "$.errors[*].field")).contains("student.email");
    }

    @Test
    void text_with_a_nul_character_is_refused() {
        String body = enrolmentRequest(UUID.randomUUID()).replace("\"Sanne\"", "\"San\\u0000ne\"");
        assertBadInput(() -> post("/api/v1/enrolments", body), "givenName");
    }

    @Test
    void a_course_that_ends_before_it_starts_is_refused() {
        String body = enrolmentRequest(UUID.randomUUID()).replace("2026-01-31", "2025-08-31");
        assertBadInput(() -> post("/api/v1/enrolments", body), "endDate");
    }

    @Test
    void an_unknown_result_scale_is_refused() {
        String body = enrolmentRequest(UUID.randomUUID()).replace("NUMERIC_1_TO_10", "LETTERS");
        assertBadInput(() -> post("/api/v1/enrolments", body), "course.resultScale");
    }

    @Test
    void an_impossible_date_is_refused() {
        String body = enrolmentRequest(UUID.randomUUID()).replace("2025-09-01", "2025-13-01");
        assertBadInput(() -> post("/api/v1/enrolments", body), "course.startDate");
    }

    @Test
    void a_date_of_birth_before_1900_is_refused_and_not_stored() throws Exception {
        String body = enrolmentRequest(UUID.randomUUID()).replace("2006-04-12", "-5000000-01-01");
        MvcTestResult result = assertBadInput(() -> post("/api/v1/enrolments", body), "dateOfBirth");
        assertThat(result.getResponse().getContentAsString()).doesNotContain("5000000");
        assertBadInput(
                () -> post(
                        "/api/v1/enrolments",
                        enrolmentRequest(UUID.randomUUID()).replace("2006-04-12", "1899-12-31")),
                "dateOfBirth");
    }

    @Test
    void a_course_end_date_after_2199_is_refused_and_not_stored() {
        String body = enrolmentRequest(UUID.randomUUID()).replace("2026-01-31", "+5874898-01-01");
        assertBadInput(() -> post("/api/v1/enrolments", body), "endDate");
        assertBadInput(
                () -> post(
                        "/api/v1/enrolments",
                        enrolmentRequest(UUID.randomUUID()).replace("2026-01-31", "2200-01-01")),
                "endDate");
    }

    @Test
    void a_course_start_date_before_1900_is_refused_and_not_stored() {
        String body = enrolmentRequest(UUID.randomUUID()).replace("2025-09-01", "1899-12-31");
        assertBadInput(() -> post("/api/v1/enrolments", body), "startDate");
    }

    @Test
    void a_year_beyond_what_a_date_can_hold_is_refused() {
        String body = enrolmentRequest(UUID.randomUUID()).replace("2006-04-12", "+1000000000-01-01");
        assertBadInput(() -> post("/api/v1/enrolments", body), "student.dateOfBirth");
    }

    @Test
    void a_date_is_never_read_as_another_date() {
        assertBadInput(
                () -> post(
                        "/api/v1/enrolments",
                        enrolmentRequest(UUID.randomUUID()).replace("2025-09-01", "2025-02-30")),
                "course.startDate");
        assertBadInput(
                () -> post(
                        "/api/v1/enrolments",
                        enrolmentRequest(UUID.randomUUID()).replace("\"2025-09-01\"", "\"2025-09-01T23:30:00\"")),
                "course.startDate");
        assertBadInput(
                () -> post(
                        "/api/v1/enrolments",
                        enrolmentRequest(UUID.randomUUID()).replace("\"2025-09-01\"", "20332")),
                "course.startDate");
    }

    @Test
    void an_assessment_day_outside_the_plausible_dates_is_refused_and_not_stored() {
        String tooLate = result(1, "7.0", true).replace("2026-01-20", "+5874898-01-01");
        String tooEarly = result(1, "7.0", true).replace("2026-01-20", "1899-12-31");
        assertBadInput(() -> post(incomingAccepted + "/results", tooLate), "assessedOn");
        assertBadInput(() -> post(incomingAccepted + "/results", tooEarly), "assessedOn");
    }

    @Test
    void a_grade_not_written_as_it_comes_back_and_a_future_assessment_are_refused_together() {
        String future = LocalDate.now().plusDays(2).toString();
        String both = result(1, "7", true).replace("2026-01-20", future);

        MvcTestResult result = assertBadInput(() -> post(incomingAccepted + "/results", both), "grade");

        assertThat((List<String>) read(result, "$.errors[*].field")).containsExactlyInAnyOrder("grade", "assessedOn");
        assertBadInput(() -> post(incomingAccepted + "/results", result(1, "08.0", true)), "grade");
    }

    @Test
    void an_invalid_e_mail_address_is_not_repeated_in_the_answer() throws Exception {
        String body = enrolmentRequest(UUID.randomUUID()).replace("sanne.devries@example.org", "sanne.devries");
        MvcTestResult result = assertBadInput(() -> post("/api/v1/enrolments", body), "student.email");
        assertThat(result.getResponse().getContentAsString()).doesNotContain("sanne.devries");
    }

    @Test
    void a_malformed_enrolment_id_in_the_body_is_refused() {
        String body = enrolmentRequest(UUID.randomUUID()).replaceFirst("\\{", "{\"enrolmentId\": \"not-a-uuid\",");
        assertBadInput(() -> post("/api/v1/enrolments", body), "enrolmentId");
    }

    @Test
    void malformed_json_is_refused() {
        assertBadInput(() -> post("/api/v1/enrolments", "{\"hostSchool\": "), null);
    }

    @Test
    void a_missing_body_is_refused() {
        assertBadInput(() -> post(incomingRequested + "/reject", ""), null);
    }

    @Test
    void a_body_that_is_not_json_is_refused_as_unsupported() {
        assertRefused(
                () -> mvc.post()
                        .uri(incomingRequested + "/reject")
                        .with(httpBasic(REGISTRAR, PASSWORD))
                        .contentType("text/plain")
                        .content("full")
                        .exchange(),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                null);
    }

    @Test
    void a_malformed_enrolment_id_in_the_path_is_refused() {
        assertBadInput(() -> get("/api/v1/enrolments/not-a-uuid"), "id");
        assertBadInput(() -> post("/api/v1/enrolments/not-a-uuid/accept", null), "id");
    }

    @Test
    void a_malformed_attempt_in_the_path_is_refused() {
        assertBadInput(
                () -> post(incomingAccepted + "/results/first/revocation", "{\"reason\": \"wrong\"}"), "attempt");
    }

    @Test
    void bad_list_parameters_are_refused() {
        assertBadInput(() -> get("/api/v1/enrolments?direction=sideways"), "direction");
        assertBadInput(() -> get("/api/v1/enrolments?status=PENDING"), "status");
        assertBadInput(() -> get("/api/v1/enrolments?studentId=42"), "studentId");
        assertBadInput(() -> get("/api/v1/enrolments?courseCode=K12"), "courseCode");
        assertBadInput(() -> get("/api/v1/enrolments?size=0"), "size");
        assertBadInput(() -> get("/api/v1/enrolments?page=-1"), "page");
    }

    @Test
    void a_grade_off_the_course_scale_is_refused() {
        assertBadInput(() -> post(incomingAccepted + "/results", result(1, "PASSED", true)), "grade");
        assertBadInput(() -> post(incomingAccepted + "/results", result(1, "7.25", true)), "grade");
        assertBadInput(() -> post(incomingAccepted + "/results", result(1, "11.0", true)), "grade");
    }

    @Test
    void a_result_without_an_attempt_is_refused() {
        String body = "{\"grade\": \"7.0\", \"finalResult\": true, \"assessedOn\": \"2026-01-20\"}";
        assertBadInput(() -> post(incomingAccepted + "/results", body), "attempt");
    }

    @Test
    void an_unknown_enrolment_is_not_found() {
        String unknown = "/api/v1/enrolments/" + UUID.randomUUID();
        assertRefused(() -> get(unknown), HttpStatus.NOT_FOUND, "EnrolmentNotFound");
        assertRefused(() -> post(unknown + "/accept", null), HttpStatus.NOT_FOUND, "EnrolmentNotFound");
        assertRefused(
                () -> post(unknown + "/results", result(1, "7.0", true)), HttpStatus.NOT_FOUND, "EnrolmentNotFound");
    }

    @Test
    void a_correction_of_an_attempt_without_a_result_is_not_found() {
        assertRefused(
                () -> post(incomingAccepted + "/results/1/corrections", RequestBodies.correction(1, "7.0", true)),
                HttpStatus.NOT_FOUND,
                "AttemptNotFound");
    }

    @Test
    void a_transition_the_state_does_not_allow_is_a_conflict() {
        assertRefused(
                () -> post(incomingRequested + "/results", result(1, "7.0", true)),
                HttpStatus.CONFLICT,
                "TransitionNotAllowed");
        assertRefused(() -> post(outgoing + "/accept", null), HttpStatus.CONFLICT, "TransitionNotAllowed");
        assertRefused(() -> post(incomingAccepted + "/accept", null), HttpStatus.CONFLICT, "TransitionNotAllowed");
        assertRefused(() -> post(incomingAccepted + "/withdraw", null), HttpStatus.CONFLICT, "TransitionNotAllowed");
        assertRefused(
                () -> post(incomingAccepted + "/results", result(2, "7.0", true)),
                HttpStatus.CONFLICT,
                "AttemptOutOfSequence");
    }

    @Test
    void a_registrar_must_authenticate() {
        DatabaseState before = databaseState();

        MvcTestResult anonymous = mvc.post().uri(incomingRequested + "/accept").exchange();
        MvcTestResult wrongPassword = mvc.get()
                .uri("/api/v1/enrolments")
                .with(httpBasic(REGISTRAR, "wrong"))
                .exchange();

        assertThat(anonymous).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(wrongPassword).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(databaseState()).isEqualTo(before);
    }

    private MvcTestResult assertBadInput(Supplier<MvcTestResult> request, String field) {
        MvcTestResult result = assertRefused(request, HttpStatus.BAD_REQUEST, null);
        assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Invalid input");
        if (field != null) {
            assertThat((List<String>) read(result, "$.errors[*].field")).contains(field);
        }
        return result;
    }

    private MvcTestResult assertRefused(Supplier<MvcTestResult> request, HttpStatus status, String code) {
        DatabaseState before = databaseState();

        MvcTestResult result = request.get();

        assertThat(result).hasStatus(status);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status.value());
        if (code != null) {
            assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(code);
        }
        assertThat(databaseState()).isEqualTo(before);
        return result;
    }
}
