package nl.mboexchange.node.sis;

import static nl.mboexchange.node.enrolment.EnrolmentFixture.HOST;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.mboexchange.node.enrolment.Enrolment;
import nl.mboexchange.node.enrolment.EnrolmentFixture;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.EnrolmentStatus;
import nl.mboexchange.node.kafka.ExchangeTopics;
import nl.mboexchange.node.outbox.OutboxRecord;
import nl.mboexchange.node.result.ResultScale;
import nl.mboexchange.node.support.NodeIntegrationTest;
import nl.mboexchange.sis.CommandRejected;
import nl.mboexchange.sis.EnrolmentUpdate;
import nl.mboexchange.sis.event.RejectionKind;
import nl.mboexchange.testinfra.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * V14 moves the SIS command ids out of the REST API's idempotency table, where the node kept each with its answer as a
 * made-up HTTP response, into a store of their own; the answers a repeat gives stay as they were.
 */
class SisCommandMigrationIT extends NodeIntegrationTest {

    private static final String SIS = "kafka:mbo.school.25LX.commands";
    private static final Instant DECIDED_AT = NOW.truncatedTo(ChronoUnit.MICROS);

    @Autowired
    private List<JavaMigration> javaMigrations;

    @Autowired
    private JsonMapper json;

    private final SisUpdates updates =
            new SisUpdates(new ExchangeTopics("mbo."), HOST, Clock.fixed(NOW, ZoneOffset.UTC));
    private final RepeatedAnswers repeated = new RepeatedAnswers(updates.topic());
    private DriverManagerDataSource database;
    private JdbcTemplate before;

    @BeforeEach
    void aDatabaseAtV13() {
        TestInfrastructure servers = TestInfrastructure.get();
        database = new DriverManagerDataSource(
                servers.jdbcUrl("sis_command_migration"), servers.databaseUser(), servers.databasePassword());
        Flyway flyway = flyway("13");
        flyway.clean();
        flyway.migrate();
        before = new JdbcTemplate(database);
    }

    @Test
    void every_command_id_moves_to_the_sis_command_store_with_its_answer_and_the_rest_api_keeps_its_keys() {
        UUID appliedId = UUID.randomUUID();
        UUID conflictId = UUID.randomUUID();
        UUID notFoundId = UUID.randomUUID();
        UUID oldId = UUID.randomUUID();
        EnrolmentId enrolment = EnrolmentId.random();
        OutboxRecord unchanged = updates.unchanged(
                new IssuedCommand(appliedId, "AcceptEnrolment", "registrar-7", NOW, enrolment),
                Enrolment.receiveRequest(
                        EnrolmentFixture.registrationRequested(enrolment, ResultScale.NUMERIC_1_TO_10), HOST, NOW),
                EnrolmentStatus.ACCEPTED);
        OutboxRecord conflict = updates.rejected(
                new IssuedCommand(conflictId, "RecordResult", "registrar-7", NOW, enrolment),
                RejectionKind.CONFLICT,
                "ResultAlreadyRecorded",
                null,
                "attempt 1 has a result already");
        // As the node wrote them until now: under the commands topic, with a response a REST request would have got.
        keptAsResponse(
                appliedId,
                "v2:applied",
                200,
                body(
                        appliedId,
                        "AcceptEnrolment",
                        enrolment,
                        Map.of(
                                "outcome",
                                "APPLIED",
                                "status",
                                "ACCEPTED",
                                "answers",
                                repeated.keep(List.of(unchanged)))));
        keptAsResponse(
                conflictId,
                "v2:conflict",
                409,
                body(
                        conflictId,
                        "RecordResult",
                        enrolment,
                        Map.of(
                                "outcome", "REJECTED",
                                "code", "ResultAlreadyRecorded",
                                "reason", "attempt 1 has a result already",
                                "answers", repeated.keep(List.of(conflict)))));
        keptAsResponse(
                notFoundId,
                "v2:not-found",
                404,
                body(
                        notFoundId,
                        "WithdrawEnrolment",
                        enrolment,
                        Map.of(
                                "outcome",
                                "REJECTED",
                                "code",
                                "EnrolmentNotFound",
                                "reason",
                                "no such enrolment",
                                "answers",
                                List.of())));
        // As the first release wrote them: without the answers, and fingerprinted with the envelope.
        keptAsResponse(
                oldId,
                "whole-command",
                201,
                body(oldId, "RequestEnrolment", enrolment, Map.of("outcome", "APPLIED", "status", "REQUESTED")));
        // A registrar's Idempotency-Key, which stays where it is.
        kept("registrar-7", appliedId.toString(), "rest", 201, "/api/v1/enrolments/" + enrolment, "{}");

        flyway("14").migrate();

        assertThat(before.queryForList("select principal from idempotent_request", String.class))
                .containsExactly("registrar-7");
        assertThat(row(appliedId))
                .containsEntry("command_type", "AcceptEnrolment")
                .containsEntry("enrolment_id", enrolment.value())
                .containsEntry("issued_by", "registrar-7")
                .containsEntry("fingerprint", "v2:applied")
                .containsEntry("outcome", "APPLIED")
                .containsEntry("status", "ACCEPTED")
                .containsEntry("rejection_kind", null)
                .containsEntry("rejection_code", null);
        assertThat(row(conflictId))
                .containsEntry("outcome", "REJECTED")
                .containsEntry("status", null)
                .containsEntry("rejection_kind", "CONFLICT")
                .containsEntry("rejection_code", "ResultAlreadyRecorded")
                .containsEntry("rejection_reason", "attempt 1 has a result already");
        assertThat(row(notFoundId))
                .containsEntry("rejection_kind", "NOT_FOUND")
                .containsEntry("rejection_code", "EnrolmentNotFound");
        assertThat(row(oldId))
                .containsEntry("fingerprint", "whole-command")
                .containsEntry("outcome", "APPLIED")
                .containsEntry("status", "REQUESTED")
                .containsEntry("answers", null);

        // What the command handler reads of them: enough to repeat the first answers and to name the holder of an id.
        Map<UUID, SisCommandStore.Earlier> decided = new SisCommandStore(before, json, Clock.systemUTC())
                .decidedBefore(List.of(appliedId, conflictId, notFoundId, oldId, UUID.randomUUID()));
        assertThat(decided).containsOnlyKeys(appliedId, conflictId, notFoundId, oldId);
        assertThat(decided.get(conflictId).commandType()).isEqualTo("RecordResult");
        assertThat(decided.get(conflictId).enrolmentId()).isEqualTo(enrolment.value());
        assertThat(decided.get(conflictId).decidedAt()).isEqualTo(DECIDED_AT);
        assertThat(repeated.repeat(decided.get(appliedId).answers()))
                .singleElement()
                .extracting(repeat -> ((EnrolmentUpdate) repeat.record()).getRepeatOf())
                .isEqualTo(unchanged.messageId());
        assertThat(repeated.repeat(decided.get(conflictId).answers()))
                .singleElement()
                .extracting(repeat -> ((CommandRejected) repeat.record()).getRepeatOf())
                .isEqualTo(conflict.messageId());
        assertThat(repeated.repeat(decided.get(notFoundId).answers())).isEmpty();
        assertThat(repeated.repeat(decided.get(oldId).answers())).isEmpty();
    }

    private Flyway flyway(String target) {
        return Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .javaMigrations(javaMigrations.toArray(JavaMigration[]::new))
                .cleanDisabled(false)
                .target(target)
                .load();
    }

    private void keptAsResponse(UUID commandId, String fingerprint, int status, String body) {
        kept(SIS, commandId.toString(), fingerprint, status, null, body);
    }

    private void kept(String principal, String key, String fingerprint, int status, String location, String body) {
        before.update(
                "insert into idempotent_request (principal, idempotency_key, fingerprint, response_status,"
                        + " response_location, response_body, created_at) values (?, ?, ?, ?, ?, ?, ?)",
                principal,
                key,
                fingerprint,
                status,
                location,
                body,
                Timestamp.from(DECIDED_AT));
    }

    private String body(UUID commandId, String type, EnrolmentId enrolment, Map<String, Object> outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("commandId", commandId.toString());
        body.put("commandType", type);
        body.put("enrolmentId", enrolment.toString());
        body.put("issuedBy", "registrar-7");
        body.putAll(outcome);
        return json.writeValueAsString(body);
    }

    private Map<String, Object> row(UUID commandId) {
        return before.queryForMap(
                "select command_type, enrolment_id, issued_by, fingerprint, outcome, status, rejection_kind,"
                        + " rejection_code, rejection_reason, answers::text as answers from sis_command"
                        + " where command_id = ?",
                commandId);
    }
}
