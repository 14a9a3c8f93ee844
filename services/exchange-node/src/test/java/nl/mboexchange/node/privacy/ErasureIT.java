package nl.mboexchange.node.privacy;

import static nl.mboexchange.node.support.RunningNode.TOPIC_PREFIX;
import static nl.mboexchange.node.support.RunningNode.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.ErasureRequested;
import nl.mboexchange.node.enrolment.EventHeader;
import nl.mboexchange.node.enrolment.application.EventOutcome;
import nl.mboexchange.node.enrolment.application.IncomingEventService;
import nl.mboexchange.node.school.SchoolCode;
import nl.mboexchange.node.support.Requests;
import nl.mboexchange.node.support.Requests.Student;
import nl.mboexchange.node.support.RunningNode;
import nl.mboexchange.node.support.TwoSchools;
import nl.mboexchange.node.support.Wire;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * Erasure on request (AVG art. 17) across two schools: the home school erases a student's personal data, every host
 * that holds a copy erases its own and confirms, and the home school shows the confirmation in the API and the
 * disclosure report. Asking twice, or an event delivered twice, changes nothing; a school that is not the home
 * school cannot have a host erase anything.
 */
class ErasureIT {

    static final String HOME = TwoSchools.HOME;
    static final String HOST = TwoSchools.HOST;
    /** A member of the network that is neither school of the enrolments here. */
    static final String STRANGER = "61ER";

    static TwoSchools schools;
    static RunningNode home;
    static RunningNode host;

    @BeforeAll
    static void startBothSchools() {
        RunningNode.member(STRANGER);
        schools = TwoSchools.start("erasure", Map.of(), null);
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
    void the_home_school_erases_a_student_everywhere_and_shows_the_hosts_confirmation() {
        Student student = new Student(
                UUID.randomUUID().toString(), "Wubbo", "Wisselaarsma", "2006-02-17", "wubbo@erasure.example");
        String withdrawn = UUID.randomUUID().toString();
        assertThat(home.post("/enrolments", Requests.requestBody(withdrawn, HOST, student, "2026-S1-A"), "erase-req")
                        .status())
                .isEqualTo(201);
        host.awaitEnrolment(withdrawn, body -> Requests.status(body).equals("REQUESTED"));
        assertThat(host.post("/enrolments/" + withdrawn + "/accept", "", "erase-accept")
                        .status())
                .isEqualTo(200);
        home.awaitEnrolment(withdrawn, body -> Requests.status(body).equals("ACCEPTED"));

        // While the student follows the course, the home school withdraws them first.
        String erasure = "/students/" + student.exchangeId() + "/erasure";
        var whileOpen = home.post(erasure, "");
        assertThat(whileOpen.status()).isEqualTo(409);
        assertThat(whileOpen.body()).contains(withdrawn);
        assertThat(home.call(HttpMethod.POST, "/api/v1" + erasure, RunningNode.READER, RunningNode.READER_PASSWORD, "")
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(home.get("/enrolments/" + withdrawn).body()).contains("Wisselaarsma");

        assertThat(home.post("/enrolments/" + withdrawn + "/withdraw", "{}").status())
                .isEqualTo(200);
        host.awaitEnrolment(withdrawn, body -> Requests.status(body).equals("WITHDRAWN"));
        String rejected = Requests.enrol(home, HOST, student);
        host.awaitEnrolment(rejected, body -> Requests.status(body).equals("REQUESTED"));
        assertThat(host.post(
                                "/enrolments/" + rejected + "/reject",
                                "{\"reasonCode\":\"COURSE_FULL\",\"reasonText\":\"All places are taken\"}")
                        .status())
                .isEqualTo(200);
        home.awaitEnrolment(rejected, body -> Requests.status(body).equals("REJECTED"));
        for (RunningNode node : List.of(home, host)) {
            assertThat(traces(node, student))
                    .as("the student at " + node.school())
                    .isPositive();
        }

        var erased = home.post(erasure, "", "erase-1");

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.<List<String>>read("$.enrolments[*].enrolmentId")).containsExactly(withdrawn, rejected);
        assertThat(erased.<List<String>>read("$.enrolments[*].erasure.status"))
                .containsExactly("REQUESTED", "REQUESTED");
        assertThat(erased.<List<String>>read("$.enrolments[*].status")).containsExactly("WITHDRAWN", "REJECTED");
        assertThat(erased.body()).doesNotContain("Wubbo");
        assertThat(traces(home, student))
                .as("the student at the home school, at once")
                .isZero();

        eventually(() -> traces(host, student), n -> n == 0);
        for (String id : List.of(withdrawn, rejected)) {
            String atHome =
                    home.awaitEnrolment(id, body -> "CONFIRMED".equals(JsonPath.read(body, "$.erasure.status")));
            String atHost =
                    host.awaitEnrolment(id, body -> "CONFIRMED".equals(JsonPath.read(body, "$.erasure.status")));
            for (String enrolment : List.of(atHome, atHost)) {
                assertThat(JsonPath.<String>read(enrolment, "$.student.exchangeId"))
                        .isEqualTo(student.exchangeId());
                assertThat(enrolment)
                        .doesNotContain("Wubbo")
                        .doesNotContain("Wisselaarsma")
                        .doesNotContain("2006-02-17")
                        .doesNotContain("wubbo@erasure.example");
            }
            assertThat(Requests.status(atHome)).isEqualTo(Requests.status(atHost));
            assertThat(JsonPath.<String>read(atHome, "$.erasure.requestEventId"))
                    .isEqualTo(JsonPath.read(atHost, "$.erasure.requestEventId"));
            String receipt = JsonPath.read(atHost, "$.erasure.receiptEventId");
            assertThat(JsonPath.<String>read(atHome, "$.erasure.receiptEventId"))
                    .isEqualTo(receipt);
            assertThat(JsonPath.<List<String>>read(atHome, "$.timeline[?(@.type == 'ErasureConfirmed')].eventId"))
                    .containsExactly(receipt);
        }

        var report = home.get("/students/" + student.exchangeId() + "/disclosure-report");
        assertThat(report.<List<String>>read("$.enrolments[*].erasureAtHost.status"))
                .containsExactly("CONFIRMED", "CONFIRMED");
        assertThat(report.<List<String>>read("$.enrolments[*].erasureAtHost.receiptEventId"))
                .containsExactly(receiptAtHost(withdrawn), receiptAtHost(rejected));
        assertThat(report.<List<Object>>read("$.enrolments[*].erasureAtHost.confirmedAt"))
                .hasSize(2)
                .doesNotContainNull();
        assertThat(report.<List<String>>read("$.enrolments[0].heldHere.fields")).containsExactly("exchangeId");
        Instant sentAt = Instant.parse(report.read("$.enrolments[0].disclosures[0].sentAt"));
        assertThat(Instant.parse(report.read("$.enrolments[0].erasureAtHost.kafkaCopiesExpireBy")))
                .isEqualTo(sentAt.plus(Duration.ofDays(35)));

        assertThat(home.call(
                                HttpMethod.GET,
                                "/api/v1/students/" + student.exchangeId() + "/disclosure-report.html",
                                RunningNode.READER,
                                RunningNode.READER_PASSWORD,
                                null)
                        .getBody())
                .contains(receiptAtHost(withdrawn))
                .doesNotContain("Wisselaarsma");

        // Asking again changes nothing and sends nothing; the same Idempotency-Key gets the first answer.
        var again = home.post(erasure, "");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.<List<String>>read("$.enrolments[*].erasure.status"))
                .containsExactly("CONFIRMED", "CONFIRMED");
        assertThat(again.<List<String>>read("$.enrolments[*].erasure.requestEventId"))
                .isEqualTo(erased.read("$.enrolments[*].erasure.requestEventId"));
        assertThat(home.post(erasure, "", "erase-1").body()).isEqualTo(erased.body());
        assertThat(erasureEvents(home, withdrawn)).containsExactly("OUT ErasureRequested", "IN ErasureConfirmed");
        assertThat(erasureEvents(host, withdrawn)).containsExactly("IN ErasureRequested", "OUT ErasureConfirmed");
        // ... at the host, too: the request delivered again is recognised and not confirmed twice.
        String atHost = host.get("/enrolments/" + withdrawn).body();
        ErasureRequested redelivered = new ErasureRequested(new EventHeader(
                UUID.fromString(
                        JsonPath.<List<String>>read(atHost, "$.timeline[?(@.type == 'ErasureRequested')].eventId")
                                .get(0)),
                Instant.parse(
                        JsonPath.<List<String>>read(atHost, "$.timeline[?(@.type == 'ErasureRequested')].occurredAt")
                                .get(0)),
                new EnrolmentId(UUID.fromString(withdrawn)),
                SchoolCode.of(HOME),
                SchoolCode.of(HOST)));
        assertThat(host.bean(IncomingEventService.class).apply(List.of(redelivered)))
                .singleElement()
                .isInstanceOf(EventOutcome.Duplicate.class);
        assertThat(erasureEvents(host, withdrawn)).containsExactly("IN ErasureRequested", "OUT ErasureConfirmed");
        assertThat(erasureEvents(home, withdrawn)).containsExactly("OUT ErasureRequested", "IN ErasureConfirmed");
    }

    @Test
    void a_host_refuses_an_erasure_request_from_a_school_that_is_not_the_home_school() {
        Student student = new Student(
                UUID.randomUUID().toString(), "Ynskje", "Valsvoordt", "2007-08-30", "ynskje@erasure.example");
        String id = Requests.enrol(home, HOST, student);
        host.awaitEnrolment(id, body -> Requests.status(body).equals("REQUESTED"));
        String channel = TOPIC_PREFIX + "exchange." + STRANGER + "." + HOST;
        UUID forged = UUID.randomUUID();
        var request = nl.mboexchange.exchange.ErasureRequested.newBuilder()
                .setEventId(forged)
                .setOccurredAt(Instant.now())
                .setEnrolmentId(UUID.fromString(id))
                .setSenderSchool(STRANGER)
                .setRecipientSchool(HOST)
                .build();

        Wire.produce(channel, 0, List.of(new Wire.Sent(id, Wire.serialize(channel, request))));

        List<String> codes = eventually(
                () -> host.operatorGet("/dead-letters").<List<String>>read("$[?(@.eventId == '" + forged + "')].code"),
                found -> !found.isEmpty());
        assertThat(codes).containsExactly("UnexpectedSchool");
        String enrolment = host.get("/enrolments/" + id).body();
        assertThat(enrolment).contains("Valsvoordt").contains("ynskje@erasure.example");
        assertThat(enrolment).doesNotContain("\"erasure\"");
        assertThat(traces(host, student)).isPositive();
    }

    @Test
    void a_student_the_home_school_never_enrolled_is_not_found() {
        var unknown = home.post("/students/" + UUID.randomUUID() + "/erasure", "");

        assertThat(unknown.status()).isEqualTo(404);
        // The host received no student of its own to erase: it asks nobody.
        assertThat(host.post("/students/" + UUID.randomUUID() + "/erasure", "").status())
                .isEqualTo(404);
    }

    /**
     * How many rows of the node's tables that can hold personal data hold one of the student's values; the kept Avro
     * records of sent events hold them as UTF-8.
     */
    private static long traces(RunningNode node, Student student) {
        String[] values = {student.givenName(), student.familyName(), student.dateOfBirth(), student.email()};
        long found = 0;
        for (String value : values) {
            String like = "%" + value + "%";
            found += node.jdbc().queryForObject("""
                            select (select count(*) from enrolment
                                    where student_given_name like ? or student_family_name like ?
                                       or student_date_of_birth::text like ? or student_email like ?)
                                 + (select count(*) from timeline_entry where summary like ? or details::text like ?)
                                 + (select count(*) from idempotent_request where response_body like ?)
                                 + (select count(*) from exchange_sent_event
                                    where position(convert_to(?, 'UTF8') in record) > 0)
                            """, Long.class, like, like, like, like, like, like, like, value);
        }
        return found;
    }

    /** The erasure events on the enrolment's timeline at the node, as direction and type, in order. */
    private static List<String> erasureEvents(RunningNode node, String enrolment) {
        return node.jdbc()
                .queryForList(
                        "select direction || ' ' || event_type from timeline_entry where enrolment_id = ?::uuid"
                                + " and event_type like 'Erasure%' order by id",
                        String.class, enrolment);
    }

    private static String receiptAtHost(String enrolment) {
        return JsonPath.read(host.get("/enrolments/" + enrolment).body(), "$.erasure.receiptEventId");
    }
}
