package nl.mboexchange.node.sis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.support.NodeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

class SisCommandStoreIT extends NodeIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:15:00.123456Z");

    @Autowired
    private JsonMapper json;

    @Autowired
    private TransactionTemplate transactions;

    private SisCommandStore store() {
        return new SisCommandStore(jdbc, json, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void a_decided_command_is_found_by_its_id_with_what_identifies_it_and_its_answers() {
        IssuedCommand applied = command("RecordResult");
        IssuedCommand rejected = command("WithdrawEnrolment");
        List<Map<String, String>> answers = List.of(Map.of("type", "EnrolmentUpdate", "avro", "AQID"));

        store().recordAll(List.of(
                new SisCommandStore.Decided(
                        applied, "v2:applied", SisCommandStore.Answer.applied("COMPLETED"), answers),
                new SisCommandStore.Decided(
                        rejected,
                        "v2:rejected",
                        SisCommandStore.Answer.rejected("CONFLICT", "NotAllowed", "reason", "too late"),
                        List.of())));

        Map<UUID, SisCommandStore.Earlier> found =
                store().decidedBefore(List.of(applied.commandId(), rejected.commandId(), UUID.randomUUID()));
        assertThat(found).containsOnlyKeys(applied.commandId(), rejected.commandId());
        SisCommandStore.Earlier earlier = found.get(applied.commandId());
        assertThat(earlier.commandType()).isEqualTo("RecordResult");
        assertThat(earlier.enrolmentId()).isEqualTo(applied.enrolmentId().value());
        assertThat(earlier.fingerprint()).isEqualTo("v2:applied");
        assertThat(earlier.decidedAt()).isEqualTo(NOW);
        assertThat(earlier.answers().get(0).get("avro").asString()).isEqualTo("AQID");
        assertThat(jdbc.queryForMap(
                        "select issued_by, outcome, rejection_kind, rejection_code, rejection_field, rejection_reason"
                                + " from sis_command where command_id = ?",
                        rejected.commandId()))
                .containsEntry("issued_by", "registrar-7")
                .containsEntry("outcome", "REJECTED")
                .containsEntry("rejection_kind", "CONFLICT")
                .containsEntry("rejection_code", "NotAllowed")
                .containsEntry("rejection_field", "reason")
                .containsEntry("rejection_reason", "too late");
    }

    @Test
    void a_command_id_is_decided_once() {
        IssuedCommand command = command("AcceptEnrolment");
        SisCommandStore.Decided decided = new SisCommandStore.Decided(
                command, "v2:accept", SisCommandStore.Answer.applied("ACCEPTED"), List.of());
        store().recordAll(List.of(decided));

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> store().recordAll(List.of(decided))))
                .isInstanceOf(DuplicateKeyException.class);
    }

    private static IssuedCommand command(String type) {
        return new IssuedCommand(UUID.randomUUID(), type, "registrar-7", NOW, EnrolmentId.random());
    }
}
