package nl.mboexchange.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.List;
import java.util.UUID;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.support.CounterpartSchool;
import nl.mboexchange.node.support.NodeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * What operators and API clients reach without a registrar's account: health and the API documentation without
 * signing in, metrics with a monitor's account.
 */
class OperationsIT extends NodeIntegrationTest {

    @Test
    void health_includes_the_database_and_needs_no_login() {
        MvcTestResult health = mvc.get().uri("/actuator/health").exchange();

        assertThat(health).hasStatus(HttpStatus.OK);
        assertThat(health).bodyJson().extractingPath("$.status").isEqualTo("UP");
        assertThat(health).bodyJson().extractingPath("$.components.db.status").isEqualTo("UP");
    }

    @Test
    void prometheus_metrics_include_the_outbox_backlog_and_received_events() {
        incoming.apply(List.of(CounterpartSchool.requests(EnrolmentId.random(), UUID.randomUUID())));

        MvcTestResult metrics = mvc.get()
                .uri("/actuator/prometheus")
                .with(httpBasic(MONITOR, MONITOR_PASSWORD))
                .exchange();

        assertThat(metrics).hasStatus(HttpStatus.OK);
        assertThat(metrics).bodyText().contains("mbo_outbox_backlog_messages").contains("mbo_events_received_total");
    }

    @Test
    void prometheus_metrics_need_a_monitors_or_operators_account() {
        assertThat(mvc.get().uri("/actuator/prometheus").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get()
                        .uri("/actuator/prometheus")
                        .with(httpBasic(REGISTRAR, PASSWORD))
                        .exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get()
                        .uri("/api/v1/enrolments")
                        .with(httpBasic(MONITOR, MONITOR_PASSWORD))
                        .exchange())
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void the_openapi_document_describes_the_api_and_needs_no_login() {
        MvcTestResult document = mvc.get().uri("/v3/api-docs").exchange();

        assertThat(document).hasStatus(HttpStatus.OK);
        assertThat(document)
                .bodyText()
                .contains("/api/v1/enrolments/{id}/results/{attempt}/corrections")
                .contains("Idempotency-Key");
        assertThat(mvc.get().uri("/swagger-ui/index.html").exchange()).hasStatus(HttpStatus.OK);
    }

    @Test
    void the_openapi_document_says_who_caused_each_timeline_entry() {
        MvcTestResult document = mvc.get().uri("/v3/api-docs").exchange();

        assertThat(document)
                .bodyJson()
                .extractingPath("$.components.schemas.TimelineEntryResponse.properties.causedBy")
                .isNotNull();
        assertThat(document)
                .bodyJson()
                .extractingPath("$.components.schemas.CauseResponse.properties.kind.enum")
                .asArray()
                .containsExactly("REGISTRAR", "SIS_COMMAND", "SCHOOL", "UNKNOWN");
        assertThat(document)
                .bodyJson()
                .extractingPath("$.components.schemas.CauseResponse.properties.by.description")
                .asString()
                .contains("sis-<code>");
    }

    @Test
    void the_openapi_document_states_the_date_range_the_body_limit_and_the_error_id() {
        MvcTestResult document = mvc.get().uri("/v3/api-docs").exchange();

        assertThat(document).bodyText().doesNotContain("\"/error\"");
        assertThat(document)
                .bodyJson()
                .extractingPath("$.components.schemas.StudentBody.properties.dateOfBirth.description")
                .asString()
                .contains("1900-01-01");
        assertThat(document)
                .bodyJson()
                .extractingPath("$.components.schemas.CourseBody.properties.endDate.description")
                .asString()
                .contains("between 1900-01-01 and 2199-12-31");
        assertThat(document)
                .bodyJson()
                .extractingPath("$.components.schemas.RecordResultBody.properties.assessedOn.description")
                .asString()
                .contains("between 1900-01-01 and 2199-12-31");
        assertThat(document)
                .bodyJson()
                .extractingPath("$.paths['/api/v1/enrolments'].post.responses.413.description")
                .asString()
                .contains("65536 bytes");
        assertThat(document)
                .bodyJson()
                .extractingPath("$.paths['/api/v1/enrolments'].post.responses.500.description")
                .asString()
                .contains("errorId");
        assertThat(document)
                .bodyJson()
                .extractingPath("$.components.schemas.Problem.properties.errorId.format")
                .isEqualTo("uuid");
    }

    @Test
    void the_api_needs_a_registrar() {
        assertThat(mvc.get().uri("/api/v1/enrolments").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(get("/api/v1/enrolments")).hasStatus(HttpStatus.OK);
    }
}
