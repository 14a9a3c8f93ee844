package nl.mboexchange.node.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.jayway.jsonpath.JsonPath;
import nl.mboexchange.node.enrolment.application.IncomingEventService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * One exchange node, school {@value #SELF}, with its REST API, on a real PostgreSQL. The Spring context is shared by
 * every integration test, so each test works on enrolments of its own.
 */
@SpringBootTest(
        properties = {
            "mbo.node.school-code=" + NodeIntegrationTest.SELF,
            "mbo.security.registrars[0].username=" + NodeIntegrationTest.REGISTRAR,
            "mbo.security.registrars[0].password=" + NodeIntegrationTest.PASSWORD,
            "mbo.security.monitors[0].username=" + NodeIntegrationTest.MONITOR,
            "mbo.security.monitors[0].password=" + NodeIntegrationTest.MONITOR_PASSWORD,
            "server.address=127.0.0.1",
            // The node on its own: events are handed to it directly and the outbox is read from the database.
            "mbo.kafka.enabled=false"
        })
@AutoConfigureMockMvc
public abstract class NodeIntegrationTest {

    public static final String SELF = "25LX";
    public static final String REGISTRAR = "registrar";
    public static final String PASSWORD = "registrar-secret";
    public static final String MONITOR = "prometheus";
    public static final String MONITOR_PASSWORD = "prometheus-secret";

    @Autowired
    protected MockMvcTester mvc;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected IncomingEventService incoming;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", TestDatabase::user);
        registry.add("spring.datasource.password", TestDatabase::password);
    }

    protected MvcTestResult get(String path) {
        return mvc.get().uri(path).with(httpBasic(REGISTRAR, PASSWORD)).exchange();
    }

    protected MvcTestResult post(String path, String json) {
        return post(path, json, null);
    }

    protected MvcTestResult post(String path, String json, String idempotencyKey) {
        var request = mvc.post().uri(path).with(httpBasic(REGISTRAR, PASSWORD));
        if (json != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.exchange();
    }

    protected static <T> T read(MvcTestResult result, String jsonPath) {
        try {
            return JsonPath.read(result.getResponse().getContentAsString(), jsonPath);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected DatabaseState databaseState() {
        return DatabaseState.of(jdbc);
    }
}
