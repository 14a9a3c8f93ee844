package nl.mboexchange.node.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.mboexchange.node.sis.SchoolSis;
import nl.mboexchange.node.sis.SisCommandFixture;
import nl.mboexchange.node.support.ConsoleSession;
import nl.mboexchange.node.support.Requests;
import nl.mboexchange.node.support.Requests.Student;
import nl.mboexchange.node.support.RunningNode;
import nl.mboexchange.node.support.TwoSchools;
import nl.mboexchange.sis.AcceptEnrolment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * Every timeline entry says who caused it, across two schools: a named registrar of the home school requests over
 * REST, the host's SIS accepts with a command, and each node records the other's event as caused by the sending school.
 */
class AccountabilityIT {

    static final String HOME = TwoSchools.HOME;
    static final String HOST = TwoSchools.HOST;
    static final String NAMED_REGISTRAR = "m.jansen";
    static final String NAMED_PASSWORD = "jansen-secret";

    static TwoSchools schools;
    static RunningNode home;
    static RunningNode host;
    static SchoolSis hostSis;

    @BeforeAll
    static void startBothSchools() {
        schools = TwoSchools.start(
                "accountability",
                Map.of(
                        "mbo.security.registrars[1].username", NAMED_REGISTRAR,
                        "mbo.security.registrars[1].password", NAMED_PASSWORD),
                null);
        home = schools.home();
        host = schools.host();
        hostSis = new SchoolSis(HOST);
    }

    @AfterAll
    static void stopBothSchools() {
        if (hostSis != null) {
            hostSis.close();
        }
        if (schools != null) {
            schools.close();
        }
    }

    @Test
    void each_entry_names_the_registrar_the_sis_login_with_its_issuer_or_the_sending_school() {
        String id = UUID.randomUUID().toString();
        var requested = home.call(
                HttpMethod.POST,
                "/api/v1/enrolments",
                NAMED_REGISTRAR,
                NAMED_PASSWORD,
                Requests.requestBody(id, HOST, Student.any(), "2026-S1-A"));
        assertThat(requested.getStatusCode().value()).as(requested.getBody()).isEqualTo(201);
        host.awaitEnrolment(id, body -> Requests.status(body).equals("REQUESTED"));

        AcceptEnrolment accept = SisCommandFixture.acceptEnrolment(UUID.fromString(id));
        hostSis.send(accept);
        String atHome = home.awaitEnrolment(id, body -> Requests.status(body).equals("ACCEPTED"));
        String atHost = host.awaitEnrolment(id, body -> Requests.status(body).equals("ACCEPTED"));

        assertThat(causes(atHome))
                .containsExactly(
                        cause("RegistrationRequested", "OUT", "REGISTRAR", NAMED_REGISTRAR, null, null),
                        cause("RegistrationAccepted", "IN", "SCHOOL", HOST, null, null));
        assertThat(causes(atHost))
                .containsExactly(
                        cause("RegistrationRequested", "IN", "SCHOOL", HOME, null, null),
                        cause(
                                "RegistrationAccepted",
                                "OUT",
                                "SIS_COMMAND",
                                "sis-" + HOST,
                                accept.getCommandId().toString(),
                                SisCommandFixture.ISSUED_BY));

        // The console says the same, in Dutch by default.
        ConsoleSession console = new ConsoleSession(host);
        assertThat(console.signIn(RunningNode.READER, RunningNode.READER_PASSWORD))
                .isEqualTo("/");
        assertThat(console.get("/enrolments/" + id).body())
                .contains("door school " + HOME)
                .contains("door het SIS (sis-" + HOST + "), opgegeven door " + SisCommandFixture.ISSUED_BY
                        + ", opdracht " + accept.getCommandId());
    }

    @Test
    void an_entry_recorded_before_causes_were_kept_shows_its_cause_as_unknown() {
        String id = Requests.enrol(home, HOST, Student.any());
        // As V16 leaves the entries it finds: without a cause.
        home.jdbc()
                .update(
                        "update timeline_entry set caused_by_kind = null, caused_by = null where enrolment_id = ?",
                        UUID.fromString(id));

        String enrolment = home.get("/enrolments/" + id).body();

        assertThat(causes(enrolment))
                .containsExactly(cause("RegistrationRequested", "OUT", "UNKNOWN", null, null, null));
    }

    /** Each timeline entry's type, direction and cause, as the API shows them; an absent field is null. */
    private static List<Map<String, Object>> causes(String enrolment) {
        List<Map<String, Object>> timeline = JsonPath.read(enrolment, "$.timeline");
        return timeline.stream()
                .map(entry -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> causedBy = (Map<String, Object>) entry.get("causedBy");
                    return cause(
                            (String) entry.get("type"),
                            (String) entry.get("direction"),
                            (String) causedBy.get("kind"),
                            (String) causedBy.get("by"),
                            (String) causedBy.get("sisCommandId"),
                            (String) causedBy.get("issuedBy"));
                })
                .toList();
    }

    private static Map<String, Object> cause(
            String type, String direction, String kind, String by, String sisCommandId, String issuedBy) {
        Map<String, Object> cause = new HashMap<>();
        cause.put("type", type);
        cause.put("direction", direction);
        cause.put("kind", kind);
        cause.put("by", by);
        cause.put("sisCommandId", sisCommandId);
        cause.put("issuedBy", issuedBy);
        return cause;
    }
}
