package nl.mboexchange.node.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The receiving end of each enrolment's stream of events from its partner, in PostgreSQL: how far it has been applied
 * without a gap ({@code exchange_stream_in}), and the events held because they came before a predecessor ({@code
 * exchange_held_event}). Every method joins the caller's transaction.
 */
@Repository
class ReceivedStreams {

    private final JdbcTemplate jdbc;

    ReceivedStreams(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One enrolment's events from one sender. */
    record Stream(UUID enrolmentId, String sender) {}

    /** An event held until its predecessors have arrived, as it came off its channel. */
    record HeldRecord(
            Stream stream,
            long position,
            UUID eventId,
            String eventType,
            String topic,
            int partition,
            long offset,
            byte[] value,
            Instant heldAt) {}

    /**
     * Where the streams of these enrolments stand, locked until the transaction ends: how far each has been applied
     * without a gap, and the events held for them. Read with one statement, as it is read for every poll.
     */
    Standing standingOf(Collection<UUID> enrolmentIds) {
        Map<Stream, Long> upTo = new HashMap<>();
        List<HeldRecord> held = new ArrayList<>();
        UUID[] ids = uuids(enrolmentIds);
        jdbc.query(
                STANDING,
                rs -> {
                    if (rs.getObject("event_id") == null) {
                        upTo.put(
                                new Stream(rs.getObject("enrolment_id", UUID.class), rs.getString("sender")),
                                rs.getLong("position"));
                    } else {
                        held.add(held(rs));
                    }
                },
                ids,
                ids);
        return new Standing(upTo, held);
    }

    /**
     * Where some streams stand.
     *
     * @param receivedUpTo how far each stream has been applied without a gap; a stream not in it has had none applied
     * @param held the events held for them, in position order per stream
     */
    record Standing(Map<Stream, Long> receivedUpTo, List<HeldRecord> held) {}

    /**
     * How far each stream of these enrolments has been applied without a gap, to look at only; a stream not in the
     * answer has had none applied.
     */
    Map<Stream, Long> receivedUpToWithoutLock(Collection<UUID> enrolmentIds) {
        Map<Stream, Long> upTo = new HashMap<>();
        jdbc.query(
                "select enrolment_id, sender, received_up_to from exchange_stream_in where enrolment_id = any(?)",
                rs -> {
                    upTo.put(new Stream(rs.getObject(1, UUID.class), rs.getString(2)), rs.getLong(3));
                },
                (Object) uuids(enrolmentIds));
        return upTo;
    }

    /** Moves the streams on to the given positions; never back. */
    void advance(Map<Stream, Long> upTo) {
        if (upTo.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(upTo.size());
        upTo.forEach((stream, position) -> rows.add(new Object[] {stream.enrolmentId(), stream.sender(), position}));
        jdbc.batchUpdate("""
                insert into exchange_stream_in (enrolment_id, sender, received_up_to) values (?, ?, ?)
                on conflict (enrolment_id, sender) do update
                set received_up_to = greatest(exchange_stream_in.received_up_to, excluded.received_up_to)
                """, rows);
    }

    /** Every held event, oldest first, at most {@code limit}. */
    List<HeldRecord> held(int limit) {
        return jdbc.query(
                SELECT_HELD + " order by held_at, enrolment_id, position limit ?", (rs, row) -> held(rs), limit);
    }

    long countHeld() {
        Long count = jdbc.queryForObject("select count(*) from exchange_held_event", Long.class);
        return count == null ? 0 : count;
    }

    /** Holds the events; one already held at its place stays as it is (a redelivery of the same event). */
    void hold(List<HeldRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into exchange_held_event (enrolment_id, sender, position, event_id, event_type, topic,
                                                 kafka_partition, kafka_offset, value, held_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (enrolment_id, sender, position) do nothing
                """, records, records.size(), (ps, held) -> {
            ps.setObject(1, held.stream().enrolmentId());
            ps.setString(2, held.stream().sender());
            ps.setLong(3, held.position());
            ps.setObject(4, held.eventId());
            ps.setString(5, held.eventType());
            ps.setString(6, held.topic());
            ps.setInt(7, held.partition());
            ps.setLong(8, held.offset());
            ps.setBytes(9, held.value());
            ps.setTimestamp(10, Timestamp.from(held.heldAt()));
        });
    }

    /** Takes the events out of the held ones: they are applied now. */
    void release(List<HeldRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "delete from exchange_held_event where enrolment_id = ? and sender = ? and position = ?",
                records,
                records.size(),
                (ps, held) -> {
                    ps.setObject(1, held.stream().enrolmentId());
                    ps.setString(2, held.stream().sender());
                    ps.setLong(3, held.position());
                });
    }

    // Both parts locked, as the poll that reads them moves the streams on and takes held events out.
    private static final String STANDING = """
            with reached as (
                select enrolment_id, sender, received_up_to from exchange_stream_in
                where enrolment_id = any(?) for update),
            waiting as (
                select enrolment_id, sender, position, event_id, event_type, topic, kafka_partition, kafka_offset,
                       value, held_at
                from exchange_held_event where enrolment_id = any(?) for update)
            select enrolment_id, sender, received_up_to as position, null::uuid as event_id, null::text as event_type,
                   null::text as topic, null::int as kafka_partition, null::bigint as kafka_offset,
                   null::bytea as value, null::timestamptz as held_at
            from reached
            union all
            select enrolment_id, sender, position, event_id, event_type, topic, kafka_partition, kafka_offset, value,
                   held_at
            from waiting
            order by enrolment_id, sender, position""";

    private static final String SELECT_HELD = """
            select enrolment_id, sender, position, event_id, event_type, topic, kafka_partition, kafka_offset, value,
                   held_at
            from exchange_held_event""";

    private static HeldRecord held(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new HeldRecord(
                new Stream(rs.getObject("enrolment_id", UUID.class), rs.getString("sender")),
                rs.getLong("position"),
                rs.getObject("event_id", UUID.class),
                rs.getString("event_type"),
                rs.getString("topic"),
                rs.getInt("kafka_partition"),
                rs.getLong("kafka_offset"),
                rs.getBytes("value"),
                rs.getTimestamp("held_at").toInstant());
    }

    private static UUID[] uuids(Collection<UUID> ids) {
        return ids.stream().distinct().toArray(UUID[]::new);
    }
}
