package nl.mboexchange.node.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.generic.IndexedRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox in PostgreSQL: one JDBC batch to enqueue, each payload in Avro's binary encoding ({@link
 * OutboxPayloads}); {@code for update} to claim; and a delete once published, so that the table holds only
 * what waits.
 */
@Repository
class JdbcOutboxRepository implements OutboxRepository {

    private static final String INSERT = """
            insert into outbox_event (event_id, topic, message_key, event_type, record, payload_schema, created_at)
            values (?, ?, ?, ?, ?, ?, ?)
            """;
    // A held message, and every later one of its key, waits. The held keys are read first, once, through their partial
    // index; they are few, so checking each waiting message against them costs next to nothing, whatever the plan.
    // Checked per waiting message against the table itself instead, a plan made while the outbox was empty (as a
    // prepared statement's cached plan is) scans the whole table again for every waiting message: after a burst of
    // 35,000 messages a single claim then ran for minutes.
    // The claim waits for rows another transaction has locked instead of skipping them: one publisher runs at a time,
    // and should a second take over while the first still finishes a batch, it must not send that batch's successors
    // before it; once the first commits, its rows are gone and the claim reads on behind them.
    static final String CLAIM = """
            with held as materialized (
                select message_key, min(id) as first_held from outbox_event
                where held_at is not null group by message_key)
            select id, event_id, topic, message_key, event_type, record, payload, payload_schema, created_at
            from outbox_event waiting
            where held_at is null
              and not exists (select 1 from held
                              where held.message_key = waiting.message_key and held.first_held < waiting.id)
            order by id limit ? for update of waiting
            """;
    private static final String HELD = """
            select id, event_id, topic, message_key, event_type, record, payload, payload_schema, created_at,
                   held_at, held_because,
                   (select count(*) from outbox_event behind
                    where behind.message_key = held.message_key and behind.id > held.id) as held_back
            from outbox_event held where held_at is not null order by id
            """;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MeterRegistry meters;
    private final OutboxSignal signal;

    JdbcOutboxRepository(JdbcTemplate jdbc, Clock clock, MeterRegistry meters, OutboxSignal signal) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters;
        this.signal = signal;
    }

    @Override
    public void enqueue(List<OutboxRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate(INSERT, records, records.size(), (ps, record) -> {
            ps.setObject(1, record.messageId());
            ps.setString(2, record.topic());
            ps.setString(3, record.key());
            ps.setString(4, record.type());
            ps.setBytes(5, record.avro());
            ps.setString(6, record.record().getSchema().getFullName());
            ps.setTimestamp(7, now);
        });
        records.forEach(record ->
                meters.counter("mbo.outbox.enqueued", "type", record.type()).increment());
        wakeAfterCommit();
    }

    private void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal.wake();
                }
            });
        } else {
            signal.wake();
        }
    }

    @Override
    public List<OutboxMessage> claimBatch(int limit) {
        return jdbc.query(CLAIM, (rs, row) -> message(rs), limit);
    }

    private OutboxMessage message(ResultSet rs) throws SQLException {
        String type = rs.getString("event_type");
        byte[] avro = rs.getBytes("record");
        String json = rs.getString("payload");
        IndexedRecord record = null;
        try {
            if (avro != null) {
                record = OutboxPayloads.read(rs.getString("payload_schema"), avro);
            }
        } catch (RuntimeException e) {
            // Held by the publisher rather than failing every claim, and with it the whole outbox.
            record = null;
        }
        return new OutboxMessage(
                rs.getLong("id"),
                rs.getObject("event_id", UUID.class),
                rs.getString("topic"),
                rs.getString("message_key"),
                type,
                record,
                rs.getTimestamp("created_at").toInstant(),
                avro != null ? avro : json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void hold(long id, String because) {
        jdbc.update(
                "update outbox_event set held_at = ?, held_because = ? where id = ?",
                Timestamp.from(clock.instant()),
                because,
                id);
    }

    @Override
    public boolean recordFailure(long id, String because, int holdAfter) {
        Boolean held = jdbc.queryForObject(
                """
                update outbox_event
                set failed_attempts = failed_attempts + 1,
                    held_at = case when failed_attempts + 1 >= ? then ? else held_at end,
                    held_because = case when failed_attempts + 1 >= ? then ? else held_because end
                where id = ?
                returning held_at is not null
                """, Boolean.class, holdAfter, Timestamp.from(clock.instant()), holdAfter, because, id);
        return Boolean.TRUE.equals(held);
    }

    @Override
    public List<HeldMessage> held() {
        return jdbc.query(
                HELD,
                (rs, row) -> new HeldMessage(
                        message(rs),
                        rs.getTimestamp("held_at").toInstant(),
                        rs.getString("held_because"),
                        rs.getLong("held_back")));
    }

    @Override
    public Optional<OutboxMessage> claimHeld(long id) {
        return jdbc
                .query(
                        "select id, event_id, topic, message_key, event_type, record, payload, payload_schema,"
                                + " created_at from outbox_event where id = ? and held_at is not null for update",
                        (rs, row) -> message(rs),
                        id)
                .stream()
                .findFirst();
    }

    @Override
    public void unhold(long id) {
        jdbc.update(
                "update outbox_event set held_at = null, held_because = null, failed_attempts = 0 where id = ?", id);
        wakeAfterCommit();
    }

    @Override
    public void removePublished(Collection<Long> ids, boolean waitForDisk) {
        if (ids.isEmpty()) {
            return;
        }
        Long[] array = ids.toArray(Long[]::new);
        // The setting goes with the delete, in the same round trip, and lasts until this transaction ends.
        String delete = (waitForDisk ? "" : "set local synchronous_commit = off; ")
                + "delete from outbox_event where id = any(?)";
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement(delete);
            ps.setArray(1, con.createArrayOf("bigint", array));
            return ps;
        });
    }

    @Override
    public long countHeld() {
        Long count = jdbc.queryForObject("select count(*) from outbox_event where held_at is not null", Long.class);
        return count == null ? 0 : count;
    }

    @Override
    public long countUnpublished() {
        Long count = jdbc.queryForObject("select count(*) from outbox_event", Long.class);
        return count == null ? 0 : count;
    }
}
