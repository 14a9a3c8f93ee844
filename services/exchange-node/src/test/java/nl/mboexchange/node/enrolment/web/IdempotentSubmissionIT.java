package nl.mboexchange.node.enrolment.web;

import static nl.mboexchange.node.enrolment.web.RequestBodies.enrolmentRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.support.CounterpartSchool;
import nl.mboexchange.node.support.DatabaseState;
import nl.mboexchange.node.support.NodeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** A command sent again with the same Idempotency-Key gets the first response and has no second effect. */
class IdempotentSubmissionIT extends NodeIntegrationTest {

    @Test
    void the_same_request_under_the_same_key_gets_the_same_response_and_one_effect() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = enrolmentRequest(UUID.randomUUID());

        MvcTestResult first = post("/api/v1/enrolments", body, key);
        MvcTestResult replay = post("/api/v1/enrolments", body, key);

        assertThat(first).hasStatus(HttpStatus.CREATED);
        assertThat(replay).hasStatus(HttpStatus.CREATED);
        assertThat(replay.getResponse().getContentAsString())
                .isEqualTo(first.getResponse().getContentAsString());
        assertThat(replay).headers().hasValue("Location", first.getResponse().getHeader("Location"));
        assertThat(replay).headers().hasValue("Idempotent-Replayed", "true");
        assertThat(first).headers().doesNotContainHeader("Idempotent-Replayed");
        String id = read(first, "$.id");
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where message_key = ?", Long.class, id))
                .isEqualTo(1);
    }

    @Test
    void a_state_change_replayed_under_its_key_is_not_refused_as_a_second_change() {
        EnrolmentId id = EnrolmentId.random();
        incoming.apply(List.of(CounterpartSchool.requests(id, UUID.randomUUID())));
        String key = UUID.randomUUID().toString();

        MvcTestResult first = post("/api/v1/enrolments/" + id + "/accept", "{\"note\": \"welcome\"}", key);
        MvcTestResult replay = post("/api/v1/enrolments/" + id + "/accept", "{\"note\": \"welcome\"}", key);
        MvcTestResult withoutKey = post("/api/v1/enrolments/" + id + "/accept", "{\"note\": \"welcome\"}");

        assertThat(first).hasStatus(HttpStatus.OK);
        assertThat(replay).hasStatus(HttpStatus.OK);
        assertThat(replay).bodyJson().extractingPath("$.status").isEqualTo("ACCEPTED");
        assertThat(withoutKey).hasStatus(HttpStatus.CONFLICT);
        assertThat(jdbc.queryForObject(
                        "select count(*) from outbox_event where message_key = ?", Long.class, id.toString()))
                .isEqualTo(1);
    }

    @Test
    void the_same_key_with_another_request_is_refused_and_changes_nothing() {
        String key = UUID.randomUUID().toString();
        post("/api/v1/enrolments", enrolmentRequest(UUID.randomUUID()), key);
        DatabaseState before = databaseState();

        MvcTestResult reused = post("/api/v1/enrolments", enrolmentRequest(UUID.randomUUID()), key);

        assertThat(reused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(reused).bodyJson().extractingPath("$.code").isEqualTo("IdempotencyKeyReused");
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void a_refused_command_does_not_use_up_its_key() {
        EnrolmentId id = EnrolmentId.random();
        String key = UUID.randomUUID().toString();

        MvcTestResult beforeItExists = post("/api/v1/enrolments/" + id + "/accept", null, key);
        incoming.apply(List.of(CounterpartSchool.requests(id, UUID.randomUUID())));
        MvcTestResult afterwards = post("/api/v1/enrolments/" + id + "/accept", null, key);

        assertThat(beforeItExists).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(afterwards).hasStatus(HttpStatus.OK);
        assertThat(afterwards).headers().doesNotContainHeader("Idempotent-Replayed");
    }

    @Test
    void an_overlong_key_is_bad_input() {
        MvcTestResult result = post("/api/v1/enrolments", enrolmentRequest(UUID.randomUUID()), "k".repeat(256));

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("Idempotency-Key");
    }
}
