package nl.mboexchange.node.enrolment.web;

import static nl.mboexchange.node.enrolment.web.RequestBodies.correction;
import static nl.mboexchange.node.enrolment.web.RequestBodies.enrolmentRequest;
import static nl.mboexchange.node.enrolment.web.RequestBodies.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.application.EventOutcome;
import nl.mboexchange.node.support.CounterpartSchool;
import nl.mboexchange.node.support.NodeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Both lifecycles on one node, school 25LX, driven through its REST API and the events of school 30GH. */
class EnrolmentLifecycleIT extends NodeIntegrationTest {

    @Test
    void an_outgoing_enrolment_goes_from_request_to_completion() {
        MvcTestResult requested = post("/api/v1/enrolments", enrolmentRequest(UUID.randomUUID()));
        assertThat(requested).hasStatus(HttpStatus.CREATED);
        String id = read(requested, "$.id");
        assertThat(requested).headers().hasValue("Location", "/api/v1/enrolments/" + id);
        assertThat(requested).bodyJson().extractingPath("$.status").isEqualTo("REQUESTED");
        assertThat(requested).bodyJson().extractingPath("$.direction").isEqualTo("outgoing");
        assertThat(outbox(id))
                .containsExactly(Map.of("event_type", "RegistrationRequested", "topic", "mbo.exchange.25LX.30GH"));

        EnrolmentId enrolmentId = EnrolmentId.of(id);
        assertThat(incoming.apply(List.of(CounterpartSchool.accepts(enrolmentId))))
                .singleElement()
                .isInstanceOf(EventOutcome.Applied.class);
        assertThat(get("/api/v1/enrolments/" + id))
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("ACCEPTED");

        incoming.apply(List.of(CounterpartSchool.records(enrolmentId, 1, 1, "5.0", false)));
        incoming.apply(List.of(CounterpartSchool.records(enrolmentId, 1, 2, "6.5", true)));

        MvcTestResult completed = get("/api/v1/enrolments/" + id);
        assertThat(completed).bodyJson().extractingPath("$.status").isEqualTo("COMPLETED");
        assertThat(completed)
                .bodyJson()
                .extractingPath("$.results[0].latestVersion")
                .isEqualTo(2);
        assertThat(completed)
                .bodyJson()
                .extractingPath("$.results[0].versions[0].grade")
                .isEqualTo("5.0");
        assertThat(completed)
                .bodyJson()
                .extractingPath("$.results[0].versions[1].grade")
                .isEqualTo("6.5");
        assertThat(completed)
                .bodyJson()
                .extractingPath("$.results[0].versions[1].correctionReason")
                .isEqualTo("marked again");
        assertThat((String) read(completed, "$.results[0].versions[0].receipt.eventId"))
                .isNotNull();
        assertThat((String) read(completed, "$.results[0].versions[1].receipt.eventId"))
                .isNotNull();
        assertThat((List<String>) read(completed, "$.timeline[*].type"))
                .containsExactly(
                        "RegistrationRequested",
                        "RegistrationAccepted",
                        "CourseResultRecorded",
                        "ResultAcknowledged",
                        "CourseResultRecorded",
                        "ResultAcknowledged");
        assertThat((List<String>) read(completed, "$.timeline[*].direction"))
                .containsExactly("OUT", "IN", "IN", "OUT", "IN", "OUT");
        assertThat(outbox(id))
                .extracting(row -> row.get("event_type"))
                .containsExactly("RegistrationRequested", "ResultAcknowledged", "ResultAcknowledged");

        MvcTestResult withdrawal = post("/api/v1/enrolments/" + id + "/withdraw", null);
        assertThat(withdrawal).hasStatus(HttpStatus.CONFLICT);
        assertThat(withdrawal).bodyJson().extractingPath("$.code").isEqualTo("TransitionNotAllowed");
    }

    @Test
    void an_incoming_enrolment_goes_from_request_to_completion() {
        EnrolmentId enrolmentId = EnrolmentId.random();
        String path = "/api/v1/enrolments/" + enrolmentId;
        incoming.apply(List.of(CounterpartSchool.requests(enrolmentId, UUID.randomUUID())));
        assertThat(get(path)).bodyJson().extractingPath("$.direction").isEqualTo("incoming");

        MvcTestResult accepted = post(path + "/accept", "{\"note\": \"room 2.14\"}");
        assertThat(accepted).hasStatus(HttpStatus.OK);
        assertThat(accepted).bodyJson().extractingPath("$.status").isEqualTo("ACCEPTED");
        assertThat(accepted).bodyJson().extractingPath("$.acceptanceNote").isEqualTo("room 2.14");

        assertThat(post(path + "/results", result(1, "5.5", false))).hasStatus(HttpStatus.OK);
        MvcTestResult corrected = post(path + "/results/1/corrections", correction(1, "6.0", true));
        assertThat(corrected).hasStatus(HttpStatus.OK);
        assertThat(corrected)
                .bodyJson()
                .extractingPath("$.results[0].latestVersion")
                .isEqualTo(2);

        MvcTestResult stale = post(path + "/results/1/corrections", correction(1, "7.0", true));
        assertThat(stale).hasStatus(HttpStatus.CONFLICT);
        assertThat(stale).bodyJson().extractingPath("$.code").isEqualTo("StaleResultVersion");

        String firstVersion = read(corrected, "$.results[0].versions[0].eventId");
        String secondVersion = read(corrected, "$.results[0].versions[1].eventId");
        incoming.apply(List.of(
                CounterpartSchool.acknowledges(enrolmentId, UUID.fromString(firstVersion), 1, 1),
                CounterpartSchool.acknowledges(enrolmentId, UUID.fromString(secondVersion), 1, 2)));

        MvcTestResult completed = get(path);
        assertThat(completed).bodyJson().extractingPath("$.status").isEqualTo("COMPLETED");
        assertThat((String) read(completed, "$.results[0].versions[1].receipt.acknowledgedAt"))
                .isNotNull();

        MvcTestResult revoked = post(path + "/results/1/revocation", "{\"reason\": \"wrong student\"}");
        assertThat(revoked).hasStatus(HttpStatus.OK);
        assertThat(revoked)
                .bodyJson()
                .extractingPath("$.results[0].versions[2].kind")
                .isEqualTo("REVOCATION");
        assertThat(revoked).bodyJson().extractingPath("$.results[0].revoked").isEqualTo(true);
        assertThat(outbox(enrolmentId.toString()))
                .extracting(row -> row.get("event_type"))
                .containsExactly(
                        "RegistrationAccepted", "CourseResultRecorded", "CourseResultRecorded", "CourseResultRevoked");
    }

    @Test
    void the_host_rejects_a_request() {
        EnrolmentId enrolmentId = EnrolmentId.random();
        incoming.apply(List.of(CounterpartSchool.requests(enrolmentId, UUID.randomUUID())));

        MvcTestResult rejected = post(
                "/api/v1/enrolments/" + enrolmentId + "/reject",
                "{\"reasonCode\": \"COURSE_FULL\", \"reasonText\": \"no seats left\"}");

        assertThat(rejected).hasStatus(HttpStatus.OK);
        assertThat(rejected).bodyJson().extractingPath("$.status").isEqualTo("REJECTED");
        assertThat(rejected).bodyJson().extractingPath("$.rejection.reasonCode").isEqualTo("COURSE_FULL");
        assertThat(outbox(enrolmentId.toString()))
                .containsExactly(Map.of("event_type", "RegistrationRejected", "topic", "mbo.exchange.25LX.30GH"));
    }

    @Test
    void the_home_school_withdraws_its_student() {
        MvcTestResult requested = post("/api/v1/enrolments", enrolmentRequest(UUID.randomUUID()));
        String id = read(requested, "$.id");

        MvcTestResult withdrawn =
                post("/api/v1/enrolments/" + id + "/withdraw", "{\"reason\": \"moved to another programme\"}");

        assertThat(withdrawn).hasStatus(HttpStatus.OK);
        assertThat(withdrawn).bodyJson().extractingPath("$.status").isEqualTo("WITHDRAWN");
        assertThat(outbox(id))
                .extracting(row -> row.get("event_type"))
                .containsExactly("RegistrationRequested", "RegistrationWithdrawn");
    }

    @Test
    void repeating_a_request_with_the_same_enrolment_id_changes_nothing() {
        UUID enrolmentId = UUID.randomUUID();
        UUID student = UUID.randomUUID();

        MvcTestResult first = post("/api/v1/enrolments", enrolmentRequest(enrolmentId, student, "K0080"));
        MvcTestResult again = post("/api/v1/enrolments", enrolmentRequest(enrolmentId, student, "K0080"));
        MvcTestResult other = post("/api/v1/enrolments", enrolmentRequest(enrolmentId, student, "K0081"));

        assertThat(first).hasStatus(HttpStatus.CREATED);
        assertThat(again).hasStatus(HttpStatus.CREATED);
        assertThat((String) read(again, "$.id")).isEqualTo(enrolmentId.toString());
        assertThat(outbox(enrolmentId.toString())).hasSize(1);
        assertThat(other).hasStatus(HttpStatus.CONFLICT);
        assertThat(other).bodyJson().extractingPath("$.code").isEqualTo("EnrolmentAlreadyExists");
    }

    @Test
    void enrolments_are_listed_by_direction_status_student_and_course() {
        UUID student = UUID.randomUUID();
        post("/api/v1/enrolments", enrolmentRequest(null, student, "K0080"));
        post("/api/v1/enrolments", enrolmentRequest(null, student, "K0081"));
        EnrolmentId hosted = EnrolmentId.random();
        incoming.apply(List.of(CounterpartSchool.requests(hosted, student)));

        assertThat(get("/api/v1/enrolments?studentId=" + student))
                .bodyJson()
                .extractingPath("$.totalItems")
                .isEqualTo(3);
        MvcTestResult outgoing = get("/api/v1/enrolments?direction=outgoing&studentId=" + student);
        assertThat(outgoing).bodyJson().extractingPath("$.totalItems").isEqualTo(2);
        assertThat((List<String>) read(outgoing, "$.items[*].direction")).containsOnly("outgoing");
        MvcTestResult incomingOnly = get("/api/v1/enrolments?direction=incoming&status=REQUESTED&studentId=" + student);
        assertThat((List<String>) read(incomingOnly, "$.items[*].id")).containsExactly(hosted.toString());
        assertThat(get("/api/v1/enrolments?courseCode=K0081&studentId=" + student))
                .bodyJson()
                .extractingPath("$.items[0].courseCode")
                .isEqualTo("K0081");
        assertThat(get("/api/v1/enrolments?status=ACCEPTED&studentId=" + student))
                .bodyJson()
                .extractingPath("$.totalItems")
                .isEqualTo(0);

        MvcTestResult firstPage = get("/api/v1/enrolments?studentId=" + student + "&size=2&page=0");
        MvcTestResult lastPage = get("/api/v1/enrolments?studentId=" + student + "&size=2&page=1");
        assertThat(firstPage).bodyJson().extractingPath("$.totalPages").isEqualTo(2);
        assertThat((List<String>) read(firstPage, "$.items[*].id")).hasSize(2);
        assertThat((List<String>) read(lastPage, "$.items[*].id")).hasSize(1);
    }

    private List<Map<String, Object>> outbox(String enrolmentId) {
        return jdbc.queryForList(
                "select event_type, topic from outbox_event where message_key = ? order by id", enrolmentId);
    }
}
