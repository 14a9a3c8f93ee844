package nl.mboexchange.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import nl.mboexchange.serde.test.CourseResult;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchemaRegistryClientTest {

    private static final Schema SCHEMA = CourseResult.getClassSchema();

    private FakeSchemaRegistry registry;

    @BeforeEach
    void startRegistry() {
        registry = FakeSchemaRegistry.start();
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    @Test
    void givesUpOnAClosedPortWithinTheBoundedRetryTime() throws IOException {
        SchemaRegistryClient client = client(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "http://127.0.0.1:" + closedPort(),
                AvroSerdeConfig.MAX_RETRIES_CONFIG, 2,
                AvroSerdeConfig.RETRIES_WAIT_MS_CONFIG, 50);
        long started = System.nanoTime();

        assertThatThrownBy(() -> client.schemaById(1))
                .isInstanceOf(RegistryUnavailable.class)
                .hasMessageContaining("3 attempt(s)")
                .hasMessageContaining("could not be reached");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void givesUpOnARegistryThatNeverAnswers() {
        registry.stall();
        SchemaRegistryClient client =
                client(AvroSerdeConfig.HTTP_READ_TIMEOUT_MS, 200, AvroSerdeConfig.MAX_RETRIES_CONFIG, 1);

        assertThatThrownBy(() -> client.schemaById(1))
                .isInstanceOf(RegistryUnavailable.class)
                .hasMessageContaining("2 attempt(s)");
        assertThat(registry.requestCount()).isEqualTo(2);
    }

    @Test
    void retriesServerErrorsAndSucceedsWhenTheRegistryRecovers() {
        registry.failNext(2, 500, 50001);

        int id = client().register("course-results-value", SCHEMA);

        assertThat(id).isEqualTo(1);
        assertThat(registry.requestCount()).isEqualTo(3);
    }

    @Test
    void stopsRetryingAfterMaxRetries() {
        registry.failNext(10, 503, 50003);

        assertThatThrownBy(() -> client().register("course-results-value", SCHEMA))
                .isInstanceOf(RegistryUnavailable.class)
                .hasMessageContaining("HTTP 503");
        assertThat(registry.requestCount()).isEqualTo(3);
    }

    @Test
    void triesTheNextUrlWhenOneIsDown() throws IOException {
        SchemaRegistryClient client = client(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG,
                "http://127.0.0.1:" + closedPort() + "/apis/ccompat/v7, " + registry.url() + "/");

        assertThat(client.register("course-results-value", SCHEMA)).isEqualTo(1);
        assertThat(client.compatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void reportsAConflictAsAnIncompatibleSchemaWithoutRetrying() {
        registry.failNext(1, 409, 409);

        assertThatThrownBy(() -> client().register("course-results-value", SCHEMA))
                .isInstanceOf(IncompatibleSchema.class);
        assertThat(registry.requestCount()).isEqualTo(1);
    }

    @Test
    void reportsAnyOtherRefusalWithItsStatusAndErrorCodeWithoutRetrying() {
        registry.failNext(1, 422, 42201);

        assertThatThrownBy(() -> client().register("course-results-value", SCHEMA))
                .isInstanceOfSatisfying(RegistryRequestFailed.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(422);
                    assertThat(e.errorCode()).isEqualTo(42201);
                })
                .hasMessageContaining("forced failure");
        assertThat(registry.requestCount()).isEqualTo(1);
    }

    @Test
    void reportsAnUnknownIdAsUnknownSchemaId() {
        assertThatThrownBy(() -> client().schemaById(7))
                .isInstanceOf(UnknownSchemaId.class)
                .hasMessageContaining("7");
    }

    @Test
    void reportsASchemaThatAvroCannotUseAsAFaultOfTheRecordNotOfTheRegistry() {
        registry.serveAsIs(
                900,
                "{\"type\":\"record\",\"name\":\"Broken\",\"fields\":"
                        + "[{\"name\":\"n\",\"type\":\"int\",\"default\":\"not a number\"}]}");

        assertThatThrownBy(() -> client().schemaById(900))
                .isInstanceOfSatisfying(
                        UnusableSchema.class, e -> assertThat(e.isRetriable()).isFalse())
                .hasMessageContaining("Avro cannot use");
    }

    @Test
    void reportsASchemaTheRegistryCannotServeAsAFaultOfTheRecord() {
        registry.failNext(1, 400, 0);

        assertThatThrownBy(() -> client().schemaById(901))
                .isInstanceOfSatisfying(
                        UnusableSchema.class, e -> assertThat(e.isRetriable()).isFalse())
                .hasMessageContaining("cannot serve the schema with id 901");
    }

    @Test
    void doesNotMistakeABaseUrlWithoutTheApiForAnUnknownSchema() {
        SchemaRegistryClient client = client(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, registry.url().replace(FakeSchemaRegistry.BASE_PATH, ""));

        assertThatThrownBy(() -> client.schemaById(1))
                .isInstanceOfSatisfying(
                        RegistryRequestFailed.class,
                        e -> assertThat(e.isRetriable()).isTrue())
                .hasMessageContaining("base URL");
    }

    @Test
    void remembersRegistrationsLookUpsAndSchemasById() {
        SchemaRegistryClient client = client();

        int id = client.register("course-results-value", SCHEMA);
        client.register("course-results-value", SCHEMA);
        client.idOf("course-results-value", SCHEMA);
        Schema fetched = client.schemaById(id);

        assertThat(fetched).isEqualTo(SCHEMA);
        assertThat(registry.requests()).containsExactly("POST /subjects/course-results-value/versions");
    }

    @Test
    void remembersTheLatestVersionForTheConfiguredTime() {
        registry.register("course-results-value", SCHEMA);
        SchemaRegistryClient forever = client();
        SchemaRegistryClient never = client(AvroSerdeConfig.LATEST_CACHE_TTL, 0);

        RegisteredSchema latest = forever.latestVersion("course-results-value");
        forever.latestVersion("course-results-value");
        never.latestVersion("course-results-value");
        never.latestVersion("course-results-value");

        assertThat(latest).isEqualTo(new RegisteredSchema("course-results-value", 1, 1, SCHEMA));
        assertThat(registry.requestCount()).isEqualTo(3);
    }

    @Test
    void readsAndSetsCompatibilityLevels() {
        SchemaRegistryClient client = client();

        client.updateCompatibility(CompatibilityLevel.FULL);
        client.updateCompatibility("course-results-value", CompatibilityLevel.NONE);

        assertThat(client.compatibility()).isEqualTo(CompatibilityLevel.FULL);
        assertThat(client.compatibility("course-results-value")).contains(CompatibilityLevel.NONE);
        assertThat(client.compatibility("other-value")).isEmpty();
    }

    @Test
    void checksCompatibilityAgainstTheLatestVersion() {
        SchemaRegistryClient client = client();
        assertThat(client.isCompatible("course-results-value", SCHEMA))
                .as("no versions yet")
                .isTrue();

        client.register("course-results-value", CourseResultFixture.VERSION_1);

        assertThat(client.isCompatible("course-results-value", SCHEMA)).isTrue();
        assertThat(client.isCompatible("course-results-value", CourseResultFixture.WITHOUT_DEFAULT))
                .isFalse();
    }

    @Test
    void keepsTheBaseUrlsPathAndEncodesTheSubject() {
        client().register("résultats K0080-value", SCHEMA);

        assertThat(registry.requests()).containsExactly("POST /subjects/résultats K0080-value/versions");
    }

    @Test
    void sendsConfiguredUserInfoAsBasicAuthentication() {
        client(
                        AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE,
                        "USER_INFO",
                        AvroSerdeConfig.USER_INFO_CONFIG,
                        "node:s3cret")
                .register("course-results-value", SCHEMA);

        assertThat(registry.lastAuthorization()).isEqualTo(basic("node:s3cret"));
    }

    @Test
    void sendsTheUrlsUserInfoAsBasicAuthenticationByDefault() {
        String url = registry.url().replace("http://", "http://node:s3cret@");
        SchemaRegistryClient client = client(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, url);

        client.register("course-results-value", SCHEMA);

        assertThat(registry.lastAuthorization()).isEqualTo(basic("node:s3cret"));
        assertThat(client.settings().toString()).doesNotContain("s3cret");
    }

    private SchemaRegistryClient client(Object... config) {
        Map<String, Object> configs = registry.config(config);
        return SchemaRegistryClient.fromConfig(configs);
    }

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
