package nl.mboexchange.node.deadletter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The worklist in PostgreSQL. A record dead-lettered again (its poll redone after a crash, or replayed and refused)
 * keeps one row, by its topic, partition and offset.
 */
@Repository
public class DeadLetterStore {

    private static final String INSERT = """
            insert into dead_letter (source, topic, kafka_partition, kafka_offset, message_key, event_id, reason, code,
                                     detail, value, dead_lettered_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict on constraint dead_letter_once_per_record do nothing
            """;
    private static final String COLUMNS =
            "id, source, topic, kafka_partition, kafka_offset, message_key, event_id, reason,"
                    + " code, detail, value, dead_lettered_at, replayed_at, replay_outcome";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    DeadLetterStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void add(List<NewDeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate(INSERT, letters, letters.size(), (ps, letter) -> {
            ps.setString(1, letter.source().name());
            ps.setString(2, letter.topic());
            ps.setInt(3, letter.partition());
            ps.setLong(4, letter.offset());
            ps.setString(5, letter.key());
            ps.setObject(6, letter.eventId());
            ps.setString(7, letter.reason());
            ps.setString(8, letter.code());
            ps.setString(9, letter.detail());
            ps.setBytes(10, letter.value());
            ps.setTimestamp(11, now);
        });
    }

    /** The dead letters, newest first; only the open ones unless {@code all}. */
    public List<StoredDeadLetter> list(boolean all, int limit, long offset) {
        String where = all ? "" : " where replayed_at is null";
        return jdbc.query(
                "select " + COLUMNS + " from dead_letter" + where + " order by id desc limit ? offset ?",
                DeadLetterStore::read,
                limit,
                offset);
    }

    /** The open dead letters, oldest first, so a replay of them all keeps their order. */
    public List<StoredDeadLetter> open(int limit) {
        return jdbc.query(
                "select " + COLUMNS + " from dead_letter where replayed_at is null order by id limit ?",
                DeadLetterStore::read,
                limit);
    }

    public Optional<StoredDeadLetter> find(long id) {
        return jdbc.query("select " + COLUMNS + " from dead_letter where id = ?", DeadLetterStore::read, id).stream()
                .findFirst();
    }

    public long countOpen() {
        Long count = jdbc.queryForObject("select count(*) from dead_letter where replayed_at is null", Long.class);
        return count == null ? 0 : count;
    }

    /** Records what a replay found; a taken record closes its dead letter. */
    public void replayed(long id, Replayer.ReplayOutcome outcome) {
        jdbc.update(
                "update dead_letter set replay_outcome = ?, replayed_at = case when ? then ? else replayed_at end"
                        + " where id = ?",
                outcome.outcome(),
                outcome.taken(),
                Timestamp.from(clock.instant()),
                id);
    }

    private static StoredDeadLetter read(ResultSet rs, int row) throws SQLException {
        Timestamp replayedAt = rs.getTimestamp("replayed_at");
        return new StoredDeadLetter(
                rs.getLong("id"),
                StoredDeadLetter.Source.valueOf(rs.getString("source")),
                rs.getString("topic"),
                rs.getInt("kafka_partition"),
                rs.getLong("kafka_offset"),
                rs.getString("message_key"),
                rs.getObject("event_id", UUID.class),
                rs.getString("reason"),
                rs.getString("code"),
                rs.getString("detail"),
                rs.getBytes("value"),
                rs.getTimestamp("dead_lettered_at").toInstant(),
                replayedAt == null ? null : replayedAt.toInstant(),
                rs.getString("replay_outcome"));
    }
}
