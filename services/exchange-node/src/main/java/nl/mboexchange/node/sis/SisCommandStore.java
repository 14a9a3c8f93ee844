package nl.mboexchange.node.sis;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The commands of the SIS decided so far, by command id (table {@code sis_command}): what identifies each command, and
 * the answer it got, with the answers given on the events topic so that they can be given again. A command id is
 * decided once: it is recorded in the transaction that decides it, and a concurrent transaction that decided it first
 * makes the insert fail.
 */
final class SisCommandStore {

    private static final String FIND = """
            select command_id, command_type, enrolment_id, fingerprint, answers, decided_at
            from sis_command where command_id = any(?)
            """;
    private static final String RECORD = """
            insert into sis_command (command_id, command_type, enrolment_id, issued_by, fingerprint, outcome, status,
                rejection_kind, rejection_code, rejection_field, rejection_reason, answers, decided_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)
            """;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    SisCommandStore(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The commands among these ids that were decided before, by id. */
    Map<UUID, Earlier> decidedBefore(Collection<UUID> commandIds) {
        Map<UUID, Earlier> decided = new HashMap<>();
        if (commandIds.isEmpty()) {
            return decided;
        }
        UUID[] ids = commandIds.toArray(UUID[]::new);
        jdbc.query(
                con -> {
                    PreparedStatement ps = con.prepareStatement(FIND);
                    ps.setArray(1, con.createArrayOf("uuid", ids));
                    return ps;
                },
                (ResultSet rs) -> {
                    String answers = rs.getString("answers");
                    decided.put(
                            rs.getObject("command_id", UUID.class),
                            new Earlier(
                                    rs.getString("command_type"),
                                    rs.getObject("enrolment_id", UUID.class),
                                    rs.getString("fingerprint"),
                                    rs.getTimestamp("decided_at").toInstant(),
                                    answers == null ? null : json.readTree(answers)));
                });
        return decided;
    }

    /**
     * Records the commands as decided now, in the caller's transaction, as one batch; the caller checked with {@link
     * #decidedBefore} that none was decided before.
     *
     * @throws org.springframework.dao.DuplicateKeyException when one was decided meanwhile, by a concurrent transaction
     */
    void recordAll(List<Decided> decided) {
        if (decided.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate(RECORD, decided, decided.size(), (ps, one) -> {
            IssuedCommand command = one.command();
            Answer answer = one.answer();
            ps.setObject(1, command.commandId());
            ps.setString(2, command.type());
            ps.setObject(3, command.enrolmentId().value());
            ps.setString(4, command.issuedBy());
            ps.setString(5, one.fingerprint());
            ps.setString(6, answer.outcome().name());
            ps.setString(7, answer.status());
            ps.setString(8, answer.kind());
            ps.setString(9, answer.code());
            ps.setString(10, answer.field());
            ps.setString(11, answer.reason());
            ps.setString(12, json.writeValueAsString(one.answers()));
            ps.setTimestamp(13, now);
        });
    }

    /**
     * A command decided in this transaction.
     *
     * @param command the command
     * @param fingerprint what identifies it ({@link SisCommandHandler#fingerprint})
     * @param answer what it was answered
     * @param answers the answers given on the events topic, as {@link RepeatedAnswers#keep} keeps them
     */
    record Decided(IssuedCommand command, String fingerprint, Answer answer, List<Map<String, String>> answers) {}

    /**
     * A command decided before.
     *
     * @param commandType its record name
     * @param enrolmentId the enrolment it was about
     * @param fingerprint what identified it
     * @param decidedAt when it was decided
     * @param answers the answers it was given, as {@link RepeatedAnswers#keep} kept them, or {@code null} when the node
     *     that decided it did not keep them
     */
    record Earlier(String commandType, UUID enrolmentId, String fingerprint, Instant decidedAt, JsonNode answers) {}

    /** Whether a command was carried out. */
    enum Outcome {
        APPLIED,
        REJECTED
    }

    /**
     * What a command was answered.
     *
     * @param outcome whether it was carried out
     * @param status when applied, the enrolment's status after it
     * @param kind when rejected, the {@code RejectionKind}
     * @param code when rejected, the refusal's code
     * @param field when rejected, the field it names, if any
     * @param reason when rejected, why
     */
    record Answer(Outcome outcome, String status, String kind, String code, String field, String reason) {

        static Answer applied(String status) {
            return new Answer(Outcome.APPLIED, status, null, null, null, null);
        }

        static Answer rejected(String kind, String code, String field, String reason) {
            return new Answer(Outcome.REJECTED, null, kind, code, field, reason);
        }
    }
}
