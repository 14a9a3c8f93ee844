package nl.mboexchange.node.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import nl.mboexchange.node.support.DatabaseState;
import nl.mboexchange.node.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST API's answers to what goes wrong outside the rules of the domain, on a real servlet container: the error
 * dispatch, and request bodies sent without a length, happen only there.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "mbo.node.school-code=25LX",
            "mbo.security.registrars[0].username=" + RestErrorsIT.REGISTRAR,
            "mbo.security.registrars[0].password=" + RestErrorsIT.PASSWORD,
            "server.address=127.0.0.1",
            "mbo.kafka.enabled=false"
        })
@ExtendWith(OutputCaptureExtension.class)
class RestErrorsIT {

    static final String REGISTRAR = "registrar";
    static final String PASSWORD = "registrar-secret";
    static final String FAILURE = "/api/v1/test-only/failure";
    static final String SEND_ERROR = "/api/v1/test-only/send-error";
    /** What the failing endpoint puts in its exception, and what must never reach a client. */
    static final String SECRET = "sanne.devries@example.org at org.example.Internal";

    private static final int LIMIT = 64 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
    }

    @Test
    void an_unexpected_error_is_a_500_problem_whose_error_id_is_in_the_error_log_line(CapturedOutput log)
            throws Exception {
        HttpResponse<String> response = send(get(FAILURE, true));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        String errorId = JsonPath.read(response.body(), "$.errorId");
        assertThat(UUID.fromString(errorId)).isNotNull();
        assertThat((Integer) JsonPath.read(response.body(), "$.status")).isEqualTo(500);
        assertThat(response.body()).doesNotContain("sanne", "org.example", "IllegalStateException", "\tat ");
        assertThat(log.getOut().lines().filter(line -> line.contains(errorId)).toList())
                .singleElement()
                .asString()
                .contains("ERROR", "GET " + FAILURE);
        // The stack trace is for the operator, in the log; the message is not, as it may quote personal data.
        assertThat(log.getOut())
                .contains("java.lang.IllegalStateException (message withheld)")
                .contains("RestErrorsIT$Failing.fail")
                .doesNotContain(SECRET);
    }

    @Test
    void an_error_that_reaches_the_error_page_is_a_problem_and_not_a_403(CapturedOutput log) throws Exception {
        HttpResponse<String> response = send(get(SEND_ERROR, true));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        String errorId = JsonPath.read(response.body(), "$.errorId");
        assertThat(log.getOut()).contains("ERROR").contains(errorId);
    }

    @Test
    void the_error_page_cannot_be_requested_directly() throws Exception {
        assertThat(send(get("/error", true)).statusCode()).isEqualTo(403);
    }

    @Test
    void an_anonymous_request_is_still_refused_with_401() throws Exception {
        HttpResponse<String> response = send(get("/api/v1/enrolments", false));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void a_body_above_the_limit_with_a_content_length_is_refused_with_413() throws Exception {
        DatabaseState before = DatabaseState.of(jdbc);

        HttpResponse<String> response = send(postEnrolment(BodyPublishers.ofByteArray(oversizedBody())));

        assertTooLarge(response);
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
    }

    @Test
    void a_body_above_the_limit_without_a_content_length_is_counted_and_refused_with_413() throws Exception {
        DatabaseState before = DatabaseState.of(jdbc);
        byte[] body = oversizedBody();

        // A publisher of unknown length makes the client send the body chunked, without a Content-Length.
        HttpResponse<String> response =
                send(postEnrolment(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertTooLarge(response);
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
    }

    @Test
    void a_body_at_the_limit_is_read() throws Exception {
        // Valid JSON of exactly the limit, that is not a valid request: read, then refused for its content.
        String padding = " ".repeat(LIMIT - 2);
        HttpResponse<String> chunked = send(postEnrolment(BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(("{" + padding + "}").getBytes(StandardCharsets.UTF_8)))));
        HttpResponse<String> withLength = send(postEnrolment(BodyPublishers.ofString("{" + padding + "}")));

        assertThat(chunked.statusCode()).isEqualTo(400);
        assertThat(withLength.statusCode()).isEqualTo(400);
    }

    private static void assertTooLarge(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat((String) JsonPath.read(response.body(), "$.code")).isEqualTo("RequestBodyTooLarge");
    }

    /** Valid JSON, one byte above the limit, so that only its size is wrong. */
    private static byte[] oversizedBody() {
        String padding = " ".repeat(LIMIT - 1);
        return ("{" + padding + "}").getBytes(StandardCharsets.UTF_8);
    }

    private HttpRequest get(String path, boolean authenticated) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (authenticated) {
            request.header("Authorization", basic());
        }
        return request.build();
    }

    private HttpRequest postEnrolment(BodyPublisher body) {
        return HttpRequest.newBuilder(uri("/api/v1/enrolments"))
                .header("Authorization", basic())
                .header("Content-Type", "application/json")
                .POST(body)
                .build();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String basic() {
        return "Basic "
                + Base64.getEncoder().encodeToString((REGISTRAR + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, BodyHandlers.ofString());
    }

    /** Endpoints that exist only in this test, to make the node fail in the two ways a real fault would. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FailingEndpoints {

        @Bean
        Failing failing() {
            return new Failing();
        }
    }

    @RestController
    static class Failing {

        @GetMapping(FAILURE)
        String fail() {
            throw new IllegalStateException(SECRET);
        }

        @GetMapping(SEND_ERROR)
        void sendError(HttpServletResponse response) throws IOException {
            response.sendError(500);
        }
    }
}
