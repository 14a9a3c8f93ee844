package nl.mboexchange.networkadmin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import nl.mboexchange.schemas.ContractSchemas;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code register-schemas} against a registry that, like Confluent's with {@code authentication.method=BASIC}, answers
 * 401 to a request without the right login.
 */
class RegisterSchemasTest {

    private static final String OPERATOR = "operator:write-secret";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    /** By subject, each version's schema and id. */
    private final Map<String, Map<Schema, Integer>> registered = new ConcurrentHashMap<>();

    private int lastId;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private HttpServer registry;
    private int refused;
    private volatile String mode = "READWRITE";

    @BeforeEach
    void startRegistry() throws IOException {
        registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        registry.createContext("/subjects/", this::register);
        registry.createContext("/mode", this::mode);
        registry.start();
    }

    @AfterEach
    void stopRegistry() {
        registry.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + registry.getAddress().getPort();
    }

    private int run(Map<String, String> environment, String... args) {
        return NetworkAdminToolTest.run(out, err, environment, args);
    }

    @Test
    void registers_every_schema_of_the_contract_under_its_record_name_with_the_operators_login() {
        int status = run(
                Map.of("MBO_KAFKA_SCHEMA_REGISTRY_USER_INFO", OPERATOR), "register-schemas", "--registry-url", url());

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(registered.keySet())
                .hasSize(17)
                .isEqualTo(
                        ContractSchemas.all().stream().map(Schema::getFullName).collect(Collectors.toSet()))
                .contains(
                        "nl.mboexchange.exchange.CourseResultRecorded",
                        "nl.mboexchange.sis.RequestEnrolment",
                        "nl.mboexchange.sis.EnrolmentUpdate",
                        "nl.mboexchange.sis.CommandRejected");
        for (Schema generated : ContractSchemas.all()) {
            Map<Schema, Integer> versions = registered.get(generated.getFullName());
            assertThat(versions).as(generated.getFullName()).containsKey(generated);
            assertThat(versions.keySet())
                    .as("the form of the .avsc file, which non-Java writers present")
                    .anyMatch(schema -> !schema.toString().contains("avro.java.string"));
        }
        Map<Schema, Integer> requested = registered.get("nl.mboexchange.exchange.RegistrationRequested");
        assertThat(requested).hasSize(2);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("nl.mboexchange.exchange.RegistrationRequested\t"
                        + requested.get(nl.mboexchange.exchange.RegistrationRequested.getClassSchema()) + ",");
    }

    @Test
    void registering_again_changes_nothing() {
        Map<String, String> environment =
                Map.of("MBO_KAFKA_SCHEMA_REGISTRY_USER_INFO", OPERATOR, "MBO_KAFKA_SCHEMA_REGISTRY_URL", url());
        assertThat(run(environment, "register-schemas")).isZero();
        Map<String, Map<Schema, Integer>> first = Map.copyOf(registered);
        int ids = lastId;

        assertThat(run(environment, "register-schemas")).isZero();

        assertThat(registered).isEqualTo(first).hasSize(17);
        assertThat(lastId).isEqualTo(ids);
    }

    @Test
    void with_lock_the_registry_is_opened_for_the_registration_and_left_read_only() {
        mode = "READONLY";
        Map<String, String> environment = Map.of("MBO_KAFKA_SCHEMA_REGISTRY_USER_INFO", OPERATOR);

        int status = run(environment, "register-schemas", "--registry-url", url(), "--lock", "true");

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(registered).hasSize(17);
        assertThat(calls.get(0)).isEqualTo("mode READWRITE");
        assertThat(calls.get(calls.size() - 1)).isEqualTo("mode READONLY");
        assertThat(calls).filteredOn(call -> call.startsWith("register ")).hasSizeGreaterThanOrEqualTo(17);
        assertThat(mode).isEqualTo("READONLY");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("The registry is READONLY");
    }

    @Test
    void a_read_only_registry_refuses_a_registration_without_lock() {
        mode = "READONLY";

        int status = run(
                Map.of("MBO_KAFKA_SCHEMA_REGISTRY_USER_INFO", OPERATOR), "register-schemas", "--registry-url", url());

        assertThat(status).isEqualTo(1);
        assertThat(registered).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("HTTP 422");
    }

    @Test
    void without_a_login_the_registry_refuses_and_the_tool_says_so() {
        int status = run(Map.of(), "register-schemas", "--registry-url", url());

        assertThat(status).isEqualTo(1);
        assertThat(registered).isEmpty();
        assertThat(refused).isPositive();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("401");
    }

    @Test
    void a_wrong_password_is_refused() {
        int status = run(
                Map.of("MBO_KAFKA_SCHEMA_REGISTRY_USER_INFO", "operator:guess"),
                "register-schemas",
                "--registry-url",
                url());

        assertThat(status).isEqualTo(1);
        assertThat(registered).isEmpty();
    }

    /** {@code PUT /mode}, as Confluent's registry takes it. */
    private void mode(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorised(exchange)) {
                return;
            }
            String wanted = new ObjectMapper()
                    .readTree(exchange.getRequestBody())
                    .get("mode")
                    .asText();
            mode = wanted;
            calls.add("mode " + wanted);
            answer(exchange, 200, "{\"mode\":\"" + wanted + "\"}");
        }
    }

    /** Answers 401 unless the request carries the operator's login. */
    private boolean authorised(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString(OPERATOR.getBytes(StandardCharsets.UTF_8));
        if (expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return true;
        }
        synchronized (this) {
            refused++;
        }
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"SchemaRegistry\"");
        answer(exchange, 401, "{\"error_code\":401,\"message\":\"Unauthorized\"}");
        return false;
    }

    /** {@code POST /subjects/{subject}/versions}: the id of the schema, a new one when it is new. */
    private void register(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorised(exchange)) {
                return;
            }
            if (mode.equals("READONLY")) {
                answer(exchange, 422, "{\"error_code\":42205,\"message\":\"Subject is in read-only mode\"}");
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            if (!exchange.getRequestMethod().equals("POST") || !path.endsWith("/versions")) {
                answer(exchange, 404, "{\"error_code\":404,\"message\":\"Not found\"}");
                return;
            }
            String subject = URLDecoder.decode(
                    path.substring("/subjects/".length(), path.length() - "/versions".length()),
                    StandardCharsets.UTF_8);
            String text = new ObjectMapper()
                    .readTree(exchange.getRequestBody())
                    .get("schema")
                    .asText();
            Schema schema = new Schema.Parser().parse(text);
            calls.add("register " + subject);
            int id;
            synchronized (this) {
                id = registered
                        .computeIfAbsent(subject, name -> new ConcurrentHashMap<>())
                        .computeIfAbsent(schema, added -> ++lastId);
            }
            answer(exchange, 200, "{\"id\":" + id + "}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
