package nl.mboexchange.node.privacy;

import static nl.mboexchange.node.support.RunningNode.TOPIC_PREFIX;
import static nl.mboexchange.node.support.RunningNode.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.mboexchange.node.support.MovingClock;
import nl.mboexchange.node.support.Requests;
import nl.mboexchange.node.support.Requests.Student;
import nl.mboexchange.node.support.RunningNode;
import nl.mboexchange.node.support.TwoSchools;
import nl.mboexchange.node.support.Wire;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two schools whose clocks a test moves ahead: the retention job, running every second, removes the contact data of
 * closed enrolments after 30 days and their names and dates of birth after a year, at both schools, and keeps open
 * enrolments and every result; kept answers and dead letters go after 30 days, processed-event ids after 35.
 */
class RetentionIT {

    static final String HOME = TwoSchools.HOME;
    static final String HOST = TwoSchools.HOST;

    static final Map<String, Object> EVERY_SECOND = Map.of("mbo.retention.interval", "1s");

    static final MovingClock clock = new MovingClock();
    static TwoSchools schools;
    static RunningNode home;
    static RunningNode host;

    @BeforeAll
    static void startBothSchools() {
        schools = TwoSchools.start("retention", EVERY_SECOND, clock);
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
    void personal_data_of_closed_enrolments_goes_in_two_steps_and_the_results_stay() {
        Student student = new Student(
                java.util.UUID.randomUUID().toString(),
                "Fenna",
                "Retentiestraat",
                "2006-05-04",
                "fenna@retention.example");
        String completed = Requests.enrol(home, HOST, student);
        host.awaitEnrolment(completed, body -> Requests.status(body).equals("REQUESTED"));
        host.post("/enrolments/" + completed + "/accept", "");
        host.post("/enrolments/" + completed + "/results", Requests.finalResult("8.1"));
        home.awaitEnrolment(completed, body -> Requests.status(body).equals("COMPLETED"));
        host.awaitEnrolment(
                completed, body -> Requests.status(body).equals("COMPLETED") && body.contains("\"receipt\""));
        String rejected = Requests.enrol(home, HOST, student);
        host.awaitEnrolment(rejected, body -> Requests.status(body).equals("REQUESTED"));
        assertThat(host.post(
                                "/enrolments/" + rejected + "/reject",
                                "{\"reasonCode\":\"COURSE_FULL\",\"reasonText\":\"All places are taken\"}")
                        .status())
                .isEqualTo(200);
        home.awaitEnrolment(rejected, body -> Requests.status(body).equals("REJECTED"));
        String withdrawn = Requests.enrol(home, HOST, student);
        host.awaitEnrolment(withdrawn, body -> Requests.status(body).equals("REQUESTED"));
        assertThat(home.post("/enrolments/" + withdrawn + "/withdraw", "{\"reason\":\"Moved\"}", "retention-1")
                        .status())
                .isEqualTo(200);
        assertThat(count(home, "idempotent_request")).isPositive();
        host.awaitEnrolment(withdrawn, body -> Requests.status(body).equals("WITHDRAWN"));
        String open = Requests.enrol(home, HOST, student);
        host.awaitEnrolment(open, body -> Requests.status(body).equals("REQUESTED"));
        String deadLetterTopic = TOPIC_PREFIX + "exchange." + HOME + "." + HOST;
        Wire.produce(deadLetterTopic, 0, List.of(new Wire.Sent(open, "not Avro".getBytes(StandardCharsets.UTF_8))));
        eventually(() -> count(host, "dead_letter"), n -> n > 0);
        assertThat(count(host, "processed_event")).isPositive();
        // The events each node keeps to send again on its partner's request carry the request's student.
        assertThat(sentEvents(home, completed)).isPositive();
        assertThat(sentEvents(host, completed)).isPositive();

        clock.move(Duration.ofDays(31));

        for (RunningNode node : List.of(home, host)) {
            for (String id : List.of(completed, rejected, withdrawn)) {
                String enrolment = node.awaitEnrolment(id, body -> !body.contains("\"email\""));
                assertThat(JsonPath.<String>read(enrolment, "$.student.givenName"))
                        .isEqualTo("Fenna");
                assertThat(JsonPath.<String>read(enrolment, "$.student.dateOfBirth"))
                        .isEqualTo("2006-05-04");
            }
            assertThat(node.get("/enrolments/" + open).body()).contains("fenna@retention.example");
            eventually(() -> count(node, "dead_letter") + count(node, "idempotent_request"), n -> n == 0);
        }
        assertThat(home.get("/enrolments/" + completed).body()).doesNotContain("fenna@retention.example");
        for (RunningNode node : List.of(home, host)) {
            for (String id : List.of(completed, rejected, withdrawn)) {
                assertThat(sentEvents(node, id))
                        .as("events kept of %s at %s", id, node.school())
                        .isZero();
            }
        }
        assertThat(sentEvents(home, open)).isPositive();
        assertThat(count(host, "processed_event")).isPositive();

        clock.move(Duration.ofDays(335));

        for (RunningNode node : List.of(home, host)) {
            String enrolment = node.awaitEnrolment(completed, body -> !body.contains("\"givenName\""));
            assertThat(enrolment)
                    .doesNotContain("Fenna")
                    .doesNotContain("Retentiestraat")
                    .doesNotContain("2006-05-04")
                    .doesNotContain("fenna@retention.example")
                    .contains(student.exchangeId());
            assertThat(JsonPath.<List<String>>read(enrolment, "$.results[0].versions[*].grade"))
                    .containsExactly("8.1");
            assertThat(node.get("/enrolments/" + open).body()).contains("Fenna");
            String timeline = String.join(
                    "\n",
                    node.jdbc()
                            .queryForList(
                                    "select summary || ' ' || details::text from timeline_entry where enrolment_id"
                                            + " = ?::uuid",
                                    String.class,
                                    completed));
            assertThat(timeline)
                    .doesNotContain("Fenna")
                    .doesNotContain("Retentiestraat")
                    .doesNotContain("2006-05-04");
            eventually(() -> count(node, "processed_event"), n -> n == 0);
        }

        assertThat(home.actuator("/prometheus").body())
                .containsPattern("mbo_retention_removed_total\\{[^}]*what=\"contact-data\"[^}]*} [1-9]")
                .containsPattern("mbo_retention_removed_total\\{[^}]*what=\"personal-data\"[^}]*} [1-9]")
                .containsPattern("mbo_retention_removed_total\\{[^}]*what=\"sent-events\"[^}]*} [1-9]");
    }

    private static long sentEvents(RunningNode node, String enrolment) {
        return node.jdbc()
                .queryForObject(
                        "select count(record) from exchange_sent_event where enrolment_id = ?::uuid",
                        Long.class,
                        enrolment);
    }

    private static long count(RunningNode node, String table) {
        return node.jdbc().queryForObject("select count(*) from " + table, Long.class);
    }
}
