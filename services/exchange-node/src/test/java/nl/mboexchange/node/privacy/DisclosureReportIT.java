package nl.mboexchange.node.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.mboexchange.node.support.Requests;
import nl.mboexchange.node.support.Requests.Student;
import nl.mboexchange.node.support.RunningNode;
import nl.mboexchange.node.support.TwoSchools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The home school's disclosure report on a student, after a request, an acceptance and a result across two schools:
 * which school received which of the student's data, and when, as JSON and as a page to print.
 */
class DisclosureReportIT {

    static final String HOME = TwoSchools.HOME;
    static final String HOST = TwoSchools.HOST;
    static final List<String> EVERY_FIELD = List.of("exchangeId", "givenName", "familyName", "dateOfBirth", "email");

    static TwoSchools schools;
    static RunningNode home;
    static RunningNode host;

    @BeforeAll
    static void startBothSchools() {
        schools = TwoSchools.start("disclosure", Map.of(), null);
        home = schools.home();
        host = schools.host();
    }

    @AfterAll
    static void stopBothSchools() {
        if (schools != null) {
            schools.close();
        }
    }

    @Test
    void after_a_request_an_acceptance_and_a_result_the_report_names_the_host_the_fields_and_when() {
        Student student = new Student(
                UUID.randomUUID().toString(), "Joris", "Inzagebeek", "2007-01-09", "joris@disclosure.example");
        String id = Requests.enrol(home, HOST, student);
        host.awaitEnrolment(id, body -> Requests.status(body).equals("REQUESTED"));
        assertThat(host.post("/enrolments/" + id + "/accept", "").status()).isEqualTo(200);
        assertThat(host.post("/enrolments/" + id + "/results", Requests.finalResult("6.9"))
                        .status())
                .isEqualTo(200);
        String completed = home.awaitEnrolment(id, body -> Requests.status(body).equals("COMPLETED"));
        String requestEventId = JsonPath.<List<String>>read(
                        completed, "$.timeline[?(@.type == 'RegistrationRequested')].eventId")
                .get(0);

        var report = home.get("/students/" + student.exchangeId() + "/disclosure-report");

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.<String>read("$.exchangeId")).isEqualTo(student.exchangeId());
        assertThat(report.<String>read("$.school")).isEqualTo(HOME);
        assertThat(report.<List<Object>>read("$.enrolments")).hasSize(1);
        assertThat(report.<String>read("$.enrolments[0].enrolmentId")).isEqualTo(id);
        assertThat(report.<String>read("$.enrolments[0].hostSchool")).isEqualTo(HOST);
        assertThat(report.<String>read("$.enrolments[0].status")).isEqualTo("COMPLETED");
        // The request carried the student; the receipt sent for the result carried no personal data.
        assertThat(report.<List<Object>>read("$.enrolments[0].disclosures")).hasSize(1);
        assertThat(report.<String>read("$.enrolments[0].disclosures[0].recipient"))
                .isEqualTo(HOST);
        assertThat(report.<String>read("$.enrolments[0].disclosures[0].eventType"))
                .isEqualTo("RegistrationRequested");
        assertThat(report.<String>read("$.enrolments[0].disclosures[0].eventId"))
                .isEqualTo(requestEventId);
        assertThat(report.<String>read("$.enrolments[0].disclosures[0].sentAt")).isNotBlank();
        assertThat(report.<List<String>>read("$.enrolments[0].disclosures[0].fields"))
                .containsExactlyElementsOf(EVERY_FIELD);
        assertThat(report.<List<String>>read("$.enrolments[0].heldHere.fields")).containsExactlyElementsOf(EVERY_FIELD);
        assertThat(report.<String>read("$.enrolments[0].erasureAtHost.status")).isEqualTo("NOT_REQUESTED");
        // The report says which data, never the data itself.
        assertThat(report.body()).doesNotContain("Joris").doesNotContain("joris@disclosure.example");

        // The host received the student; it disclosed them to nobody.
        assertThat(host.get("/students/" + student.exchangeId() + "/disclosure-report")
                        .status())
                .isEqualTo(404);
        assertThat(home.get("/students/" + UUID.randomUUID() + "/disclosure-report")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void the_report_is_for_registrars_and_readers_and_prints_as_a_page() {
        Student student = Student.any();
        Requests.enrol(home, HOST, student);
        String path = "/api/v1/students/" + student.exchangeId() + "/disclosure-report";

        assertThat(home.call(HttpMethod.GET, path, RunningNode.READER, RunningNode.READER_PASSWORD, null)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(home.call(HttpMethod.GET, path, RunningNode.OPERATOR, RunningNode.OPERATOR_PASSWORD, null)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);

        var page = RestClient.create()
                .get()
                .uri(home.url(path))
                .headers(headers -> headers.setBasicAuth(RunningNode.READER, RunningNode.READER_PASSWORD))
                .accept(MediaType.TEXT_HTML)
                .retrieve()
                .toEntity(String.class);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML))
                .isTrue();
        assertThat(page.getBody())
                .contains(HOST)
                .contains("RegistrationRequested")
                .contains("givenName, familyName, dateOfBirth, email")
                .doesNotContain(student.email());
        assertThat(home.call(HttpMethod.GET, path + ".html", RunningNode.REGISTRAR, RunningNode.PASSWORD, null)
                        .getBody())
                .contains(student.exchangeId());
    }
}
