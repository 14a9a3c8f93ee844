package nl.mboexchange.node.security;

import static nl.mboexchange.node.support.RunningNode.MONITOR;
import static nl.mboexchange.node.support.RunningNode.MONITOR_PASSWORD;
import static nl.mboexchange.node.support.RunningNode.OPERATOR;
import static nl.mboexchange.node.support.RunningNode.OPERATOR_PASSWORD;
import static nl.mboexchange.node.support.RunningNode.PASSWORD;
import static nl.mboexchange.node.support.RunningNode.READER;
import static nl.mboexchange.node.support.RunningNode.READER_PASSWORD;
import static nl.mboexchange.node.support.RunningNode.REGISTRAR;
import static nl.mboexchange.node.support.RunningNode.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.mboexchange.node.support.ConsoleSession;
import nl.mboexchange.node.support.Requests;
import nl.mboexchange.node.support.RunningNode;
import nl.mboexchange.node.support.TwoSchools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * Who may do what, at two schools' nodes: registrars act, readers look, operators run the node, the monitor scrapes
 * metrics; and failed sign-ins are throttled, in the API and in the console alike.
 */
class AccessIT {

    static final String HOME = TwoSchools.HOME;
    static final String HOST = TwoSchools.HOST;

    /** Short windows, so that a test can wait for a lock to end. */
    static final Map<String, Object> THROTTLE = Map.of(
            "mbo.security.login.allowed-failures", 3,
            "mbo.security.login.first-lock", "1s",
            "mbo.security.login.longest-lock", "2s");

    static TwoSchools schools;
    static RunningNode home;
    static RunningNode host;

    @BeforeAll
    static void startBothSchools() {
        schools = TwoSchools.start("access", THROTTLE, null);
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
    void a_reader_sees_what_a_registrar_sees_and_changes_nothing() {
        String id = Requests.enrol(home, HOST, Requests.Student.any());
        host.awaitEnrolment(id, body -> Requests.status(body).equals("REQUESTED"));
        String enrolment = "/api/v1/enrolments/" + id;

        assertThat(status(host, HttpMethod.GET, "/api/v1/enrolments?direction=incoming", READER, READER_PASSWORD))
                .isEqualTo(200);
        assertThat(status(host, HttpMethod.GET, enrolment, READER, READER_PASSWORD))
                .isEqualTo(200);
        assertThat(status(host, HttpMethod.POST, enrolment + "/accept", READER, READER_PASSWORD))
                .isEqualTo(403);
        assertThat(status(host, HttpMethod.POST, enrolment + "/results", READER, READER_PASSWORD))
                .isEqualTo(403);
        assertThat(status(home, HttpMethod.POST, enrolment + "/withdraw", READER, READER_PASSWORD))
                .isEqualTo(403);
        assertThat(status(home, HttpMethod.POST, "/api/v1/enrolments", READER, READER_PASSWORD))
                .isEqualTo(403);
        assertThat(Requests.status(host.get("/enrolments/" + id).body())).isEqualTo("REQUESTED");

        assertThat(status(host, HttpMethod.POST, enrolment + "/accept", REGISTRAR, PASSWORD))
                .isEqualTo(200);
        home.awaitEnrolment(id, body -> Requests.status(body).equals("ACCEPTED"));
    }

    @Test
    void operations_are_for_operators_and_metrics_for_operators_and_the_monitor() {
        for (String path : List.of("/api/v1/operations/dead-letters", "/api/v1/operations/outbox/held")) {
            assertThat(status(home, HttpMethod.GET, path, OPERATOR, OPERATOR_PASSWORD))
                    .isEqualTo(200);
            assertThat(status(home, HttpMethod.GET, path, REGISTRAR, PASSWORD)).isEqualTo(403);
            assertThat(status(home, HttpMethod.GET, path, READER, READER_PASSWORD))
                    .isEqualTo(403);
            assertThat(status(home, HttpMethod.GET, path, MONITOR, MONITOR_PASSWORD))
                    .isEqualTo(403);
        }
        assertThat(status(home, HttpMethod.POST, "/api/v1/operations/dead-letters/replay", READER, READER_PASSWORD))
                .isEqualTo(403);

        assertThat(status(home, HttpMethod.GET, "/actuator/prometheus", MONITOR, MONITOR_PASSWORD))
                .isEqualTo(200);
        assertThat(status(home, HttpMethod.GET, "/actuator/prometheus", OPERATOR, OPERATOR_PASSWORD))
                .isEqualTo(200);
        assertThat(status(home, HttpMethod.GET, "/actuator/prometheus", READER, READER_PASSWORD))
                .isEqualTo(403);
        assertThat(status(home, HttpMethod.GET, "/actuator/prometheus", null, null))
                .isEqualTo(401);
        assertThat(status(home, HttpMethod.GET, "/api/v1/enrolments", OPERATOR, OPERATOR_PASSWORD))
                .isEqualTo(403);
        assertThat(status(home, HttpMethod.GET, "/api/v1/enrolments", MONITOR, MONITOR_PASSWORD))
                .isEqualTo(403);
        assertThat(status(home, HttpMethod.GET, "/api/v1/enrolments", null, null))
                .isEqualTo(401);
        assertThat(status(home, HttpMethod.GET, "/actuator/health/readiness", null, null))
                .isEqualTo(200);
    }

    @Test
    void each_request_is_timed_as_a_whole_and_spring_security_observes_nothing_of_its_own() {
        assertThat(status(home, HttpMethod.GET, "/api/v1/enrolments", null, null))
                .isEqualTo(401);
        assertThat(status(home, HttpMethod.GET, "/api/v1/enrolments", REGISTRAR, PASSWORD))
                .isEqualTo(200);

        String metrics = home.actuator("/prometheus").body();

        assertThat(metrics)
                .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"401\"")
                .containsPattern(
                        "http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/api/v1/enrolments\"")
                .doesNotContain("spring_security_");
    }

    @Test
    void in_the_console_a_reader_sees_no_action_and_is_refused_one() {
        String id = Requests.enrol(home, HOST, Requests.Student.any());
        host.awaitEnrolment(id, body -> Requests.status(body).equals("REQUESTED"));

        ConsoleSession reader = new ConsoleSession(host);
        assertThat(reader.signIn(READER, READER_PASSWORD)).isEqualTo("/");
        var list = reader.get("/");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("/enrolments/" + id).doesNotContain("/enrolments/new");
        var page = reader.get("/enrolments/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(id).doesNotContain("acceptForm").doesNotContain("rejectForm");
        assertThat(reader.get("/enrolments/new").statusCode()).isEqualTo(403);
        assertThat(reader.post("/enrolments/" + id + "/accept", Map.of("note", ""))
                        .statusCode())
                .isEqualTo(403);
        assertThat(Requests.status(host.get("/enrolments/" + id).body())).isEqualTo("REQUESTED");

        ConsoleSession registrar = new ConsoleSession(host);
        assertThat(registrar.signIn(REGISTRAR, PASSWORD)).isEqualTo("/");
        assertThat(registrar.get("/enrolments/" + id).body()).contains("acceptForm");
    }

    @Test
    void after_failed_passwords_the_api_refuses_even_the_right_one_for_a_while() {
        for (int i = 0; i < 3; i++) {
            assertThat(status(home, HttpMethod.GET, "/api/v1/enrolments", READER, "guess-" + i))
                    .isEqualTo(401);
        }

        var refused = home.call(HttpMethod.GET, "/api/v1/enrolments", READER, READER_PASSWORD, null);
        assertThat(refused.getStatusCode().value()).isEqualTo(429);
        assertThat(refused.getHeaders().getFirst("Retry-After")).isNotBlank();
        assertThat(refused.getBody()).doesNotContain(READER_PASSWORD);
        // The address is refused too, for every account, until the window ends.
        assertThat(status(home, HttpMethod.GET, "/api/v1/enrolments", REGISTRAR, PASSWORD))
                .isEqualTo(429);
        // Another node counts its own failures.
        assertThat(status(host, HttpMethod.GET, "/api/v1/enrolments", READER, READER_PASSWORD))
                .isEqualTo(200);

        // Once the window ends, one more failure (checked, so 401) locks again at once, for twice as long.
        eventually(
                () -> status(home, HttpMethod.GET, "/api/v1/enrolments", READER, "one-more-guess"),
                code -> code == 401);
        assertThat(status(home, HttpMethod.GET, "/api/v1/enrolments", READER, READER_PASSWORD))
                .isEqualTo(429);
        awaitUnlocked(home, READER, READER_PASSWORD);
    }

    @Test
    void after_failed_passwords_the_console_refuses_the_sign_in_for_a_while() {
        ConsoleSession browser = new ConsoleSession(host);
        for (int i = 0; i < 3; i++) {
            assertThat(browser.signIn(REGISTRAR, "guess-" + i)).isEqualTo("/login?error");
        }

        assertThat(browser.signIn(REGISTRAR, PASSWORD)).isEqualTo("/login?throttled");
        var page = browser.get("/login?throttled");
        assertThat(page.body()).contains("login-throttled");
        assertThat(status(host, HttpMethod.GET, "/api/v1/enrolments", REGISTRAR, PASSWORD))
                .isEqualTo(429);

        awaitUnlocked(host, REGISTRAR, PASSWORD);
        assertThat(new ConsoleSession(host).signIn(REGISTRAR, PASSWORD)).isEqualTo("/");
    }

    @Test
    void many_requests_with_the_right_password_all_pass() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String user = i % 2 == 0 ? REGISTRAR : READER;
                String password = i % 2 == 0 ? PASSWORD : READER_PASSWORD;
                answers.add(clients.submit(() -> status(home, HttpMethod.GET, "/api/v1/enrolments", user, password)));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            clients.shutdown();
        }
    }

    private static int status(RunningNode node, HttpMethod method, String path, String user, String password) {
        String body = method == HttpMethod.POST ? "{}" : null;
        return node.call(method, path, user, password, body).getStatusCode().value();
    }

    private static void awaitUnlocked(RunningNode node, String user, String password) {
        eventually(() -> status(node, HttpMethod.GET, "/api/v1/enrolments", user, password), code -> code == 200);
    }
}
