package nl.mboexchange.node.support;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import nl.mboexchange.networkadmin.SchoolCredentials;
import nl.mboexchange.node.ExchangeNodeApplication;
import nl.mboexchange.testinfra.TestInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/**
 * A whole exchange node, as a school runs it: its own database, the shared broker and registry, and its REST API on
 * a port of its own. Several can run in one JVM, one per school.
 */
public final class RunningNode implements AutoCloseable {

    public static final String TOPIC_PREFIX = "it.";
    public static final String REGISTRAR = "registrar";
    public static final String PASSWORD = "secret";
    public static final String OPERATOR = "operator";
    public static final String OPERATOR_PASSWORD = "operator-secret";
    public static final String READER = "reader";
    public static final String READER_PASSWORD = "reader-secret";
    public static final String MONITOR = "prometheus";
    public static final String MONITOR_PASSWORD = "prometheus-secret";

    private final String school;
    private final ConfigurableApplicationContext context;
    private final String baseUrl;
    private final RestClient rest;
    private final RestClient operations;
    private final RestClient actuator;

    private RunningNode(String school, ConfigurableApplicationContext context) {
        this.school = school;
        this.context = context;
        this.baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        this.rest = client(baseUrl + "/api/v1", REGISTRAR, PASSWORD);
        this.operations = client(baseUrl + "/api/v1/operations", OPERATOR, OPERATOR_PASSWORD);
        this.actuator = client(baseUrl + "/actuator", MONITOR, MONITOR_PASSWORD);
    }

    private static RestClient client(String baseUrl, String user, String password) {
        return RestClient.builder()
                .baseUrl(baseUrl)
                .defaultHeaders(headers -> {
                    if (user != null) {
                        headers.setBasicAuth(user, password);
                    }
                })
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {})
                .build();
    }

    /** Starts the node of {@code school} on the database {@code database}, with any further settings. */
    public static RunningNode start(String school, String database, Map<String, Object> settings) {
        return start(school, database, settings, null);
    }

    /**
     * The command-line arguments of the node of {@code school} on the database {@code database}, with any further
     * settings: what {@link #start} runs in this JVM, and what a node in a process of its own needs.
     */
    public static String[] arguments(String school, String database, Map<String, Object> settings) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        Map<String, Object> properties = new HashMap<>();
        properties.put("mbo.node.school-code", school);
        properties.put("spring.datasource.url", infrastructure.jdbcUrl(database));
        properties.put("spring.datasource.username", infrastructure.databaseUser());
        properties.put("spring.datasource.password", infrastructure.databasePassword());
        properties.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
        properties.put("mbo.kafka.schema-registry-url", infrastructure.schemaRegistryUrl());
        properties.put("mbo.kafka.topic-prefix", TOPIC_PREFIX);
        properties.put("mbo.kafka.channel-discovery-interval", "500ms");
        properties.put("mbo.kafka.channel-partitions", 2);
        properties.put("mbo.security.registrars[0].username", REGISTRAR);
        properties.put("mbo.security.registrars[0].password", PASSWORD);
        properties.put("mbo.security.operators[0].username", OPERATOR);
        properties.put("mbo.security.operators[0].password", OPERATOR_PASSWORD);
        properties.put("mbo.security.readers[0].username", READER);
        properties.put("mbo.security.readers[0].password", READER_PASSWORD);
        properties.put("mbo.security.monitors[0].username", MONITOR);
        properties.put("mbo.security.monitors[0].password", MONITOR_PASSWORD);
        properties.put("server.address", "127.0.0.1");
        properties.put("server.port", 0);
        properties.put("spring.main.banner-mode", "off");
        properties.putAll(settings);
        // The school logs in as its node, with the channels and ACLs the operator's tool gives it.
        SchoolCredentials logins = member(String.valueOf(properties.get("mbo.kafka.topic-prefix")), school);
        properties.putIfAbsent("mbo.kafka.username", logins.node().username());
        properties.putIfAbsent("mbo.kafka.password", logins.node().password());
        // As command-line arguments: they win over application.yml, as the environment of a real node does.
        return properties.entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                .toArray(String[]::new);
    }

    /** Starts a node as {@link #start(String, String, Map)} does, whose time is {@code clock} if it is given. */
    public static RunningNode start(String school, String database, Map<String, Object> settings, Clock clock) {
        return start(school, database, settings, clock, List.of());
    }

    /**
     * Starts a node as {@link #start(String, String, Map, Clock)} does, with initializers that reach into its
     * application context before it is refreshed (e.g. {@link StatementCount#installer()}).
     */
    public static RunningNode start(
            String school,
            String database,
            Map<String, Object> settings,
            Clock clock,
            List<ApplicationContextInitializer<ConfigurableApplicationContext>> initializers) {
        String[] arguments = arguments(school, database, settings);
        var application = new SpringApplicationBuilder(ExchangeNodeApplication.class);
        if (clock != null) {
            application.initializers(context -> context.getBeanFactory().registerSingleton("clock", clock));
        }
        initializers.forEach(application::initializers);
        var context = application.run(arguments);
        return new RunningNode(school, context);
    }

    /**
     * Makes the school a member of the network under the topic prefix, as the operator's tool does, once per JVM:
     * its logins, topics, channels to and from every member before it, and ACLs.
     */
    public static SchoolCredentials member(String topicPrefix, String school) {
        return TestInfrastructure.get().kafkaSchool(topicPrefix, school);
    }

    /** {@link #member(String, String)} under {@link #TOPIC_PREFIX}. */
    public static SchoolCredentials member(String school) {
        return member(TOPIC_PREFIX, school);
    }

    public String school() {
        return school;
    }

    /** The address of a page of the node, e.g. {@code url("/")} for its console. */
    public String url(String path) {
        return baseUrl + path;
    }

    public JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    /** A bean of the node, to reach what no API shows. */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** A bean of the node by its name, where there are several of its type. */
    public <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    /** GETs from the operations API (dead letters, held outbox messages), as an operator. */
    public Response operatorGet(String path) {
        return exchange(operations.get().uri(path));
    }

    /** POSTs JSON to the operations API, as an operator. */
    public Response operatorPost(String path, String json) {
        var request = operations.post().uri(path);
        if (json != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return exchange(request);
    }

    /** GETs from Actuator as the monitor (Prometheus) does: e.g. {@code /health/readiness}, {@code /prometheus}. */
    public Response actuator(String path) {
        return exchange(actuator.get().uri(path));
    }

    private static Response exchange(RestClient.RequestHeadersSpec<?> request) {
        var entity = request.retrieve().toEntity(String.class);
        return new Response(entity.getStatusCode().value(), entity.getBody());
    }

    /** POSTs JSON to the API; returns status and body. */
    public Response post(String path, String json) {
        return post(path, json, null);
    }

    /** POSTs JSON to the API under an Idempotency-Key, if one is given; returns status and body. */
    public Response post(String path, String json, String idempotencyKey) {
        var request =
                rest.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        var entity = request.retrieve().toEntity(String.class);
        return new Response(entity.getStatusCode().value(), entity.getBody());
    }

    /**
     * Sends a request to any path of the node as any account, or none if {@code user} is null: e.g.
     * {@code call(HttpMethod.GET, "/api/v1/enrolments", READER, READER_PASSWORD, null)}.
     */
    public ResponseEntity<String> call(HttpMethod method, String path, String user, String password, String json) {
        var request = client(baseUrl, user, password).method(method).uri(path);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return request.retrieve().toEntity(String.class);
    }

    public Response get(String path) {
        var entity = rest.get().uri(path).retrieve().toEntity(String.class);
        return new Response(entity.getStatusCode().value(), entity.getBody());
    }

    /** The enrolment as the registrar sees it, once it satisfies {@code condition}. */
    public String awaitEnrolment(String id, Predicate<String> condition) {
        return eventually(() -> get("/enrolments/" + id), r -> r.status() == 200 && condition.test(r.body()))
                .body();
    }

    @Override
    public void close() {
        context.close();
    }

    /** The answer of the API. */
    public record Response(int status, String body) {
        public <T> T read(String jsonPath) {
            return JsonPath.read(body, jsonPath);
        }
    }

    /** Polls until the value satisfies the condition, for at most 30 seconds. */
    public static <T> T eventually(Supplier<T> value, Predicate<T> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        T last = value.get();
        while (!condition.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not as expected within 30 s; last seen: " + last);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = value.get();
        }
        return last;
    }
}
