package nl.mboexchange.node.ooapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The validator the integration tests rely on finds what is wrong, so that their empty findings mean something. */
class OoapiSpecTest {

    private static final String ASSOCIATION = "/associations/{associationId}";
    private static final String JSON = "application/json";

    private static final String VALID = """
            {"associationId": "0b6a1e2c-58d3-4c1e-9f0c-3d2a6b7e8f90", "associationType": "courseOfferingAssociation",
             "role": "student", "state": "associated", "person": "6a0c3d5e-8a43-4c43-9a3c-4e1b2f7d9c10",
             "offering": "3f1e2d4c-5b6a-3789-8a0b-1c2d3e4f5a6b",
             "result": {"state": "completed", "pass": "passed", "score": "7.2", "resultDate": "2026-06-20",
                        "studyLoad": {"studyLoadUnit": "sbu", "value": 240}}}""";

    @BeforeEach
    void specificationAtHand() {
        OoapiSpec.requirePresent();
    }

    @Test
    void a_well_formed_course_association_passes() {
        assertThat(problems(200, JSON, VALID)).isEmpty();
    }

    @Test
    void a_state_ooapi_does_not_have_is_found() {
        assertThat(problems(200, JSON, changed(VALID, "\"associated\"", "\"completed\"")))
                .anySatisfy(problem -> assertThat(problem).startsWith("enum").contains("state"));
    }

    @Test
    void a_result_without_its_date_or_study_load_is_found() {
        assertThat(problems(200, JSON, changed(VALID, "\"resultDate\": \"2026-06-20\",", "")))
                .anySatisfy(
                        problem -> assertThat(problem).startsWith("required").contains("resultDate"));
        assertThat(problems(200, JSON, changed(VALID, ",\\s*\"studyLoad\": \\{[^}]*}", "")))
                .anySatisfy(
                        problem -> assertThat(problem).startsWith("required").contains("studyLoad"));
    }

    @Test
    void an_id_that_is_no_uuid_and_a_date_that_is_no_date_are_found() {
        assertThat(problems(200, JSON, changed(VALID, "0b6a1e2c-58d3-4c1e-9f0c-3d2a6b7e8f90", "42")))
                .anySatisfy(problem -> assertThat(problem).startsWith("format").contains("uuid"));
        assertThat(problems(200, JSON, changed(VALID, "2026-06-20", "20 June 2026")))
                .anySatisfy(problem -> assertThat(problem).startsWith("format").contains("date"));
    }

    @Test
    void a_problem_with_a_numeric_status_as_rfc_9457_gives_it_is_found() {
        String problem = """
                {"status": 404, "title": "Not found", "detail": "enrolment 0b6a1e2c does not exist"}""";

        assertThat(problems(404, "application/problem+json", changed(problem, "404,", "\"404\",")))
                .isEmpty();
        assertThat(problems(404, "application/problem+json", problem))
                .anySatisfy(found -> assertThat(found).startsWith("type").contains("status"));
        assertThat(problems(404, JSON, changed(problem, "404,", "\"404\",")))
                .containsExactly(
                        "content type application/json where the specification gives application/problem+json");
    }

    @Test
    void a_status_the_specification_does_not_give_is_found() {
        assertThat(problems(409, "application/problem+json", "{}"))
                .containsExactly("the specification gives no response 409 for GET " + ASSOCIATION);
    }

    /** The body with {@code regex} replaced, which must occur in it. */
    private static String changed(String body, String regex, String replacement) {
        String changed = body.replaceAll(regex, replacement);
        assertThat(changed).as("the change of %s", regex).isNotEqualTo(body);
        return changed;
    }

    private static java.util.List<String> problems(int status, String contentType, String body) {
        return OoapiSpec.narrowedToCourses().problems(ASSOCIATION, status, contentType, body);
    }
}
