package nl.mboexchange.node.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The sending end of each enrolment's stream of events, in PostgreSQL ({@code exchange_sent_event}): every exchange
 * event this node sent, as the Avro record it published, under its position. The highest position numbers the next
 * event; the records are what this node sends again when its partner asks. Every method joins the caller's
 * transaction.
 */
@Repository
class SentEvents {

    private final JdbcTemplate jdbc;

    SentEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An event sent, with its place in its enrolment's stream. */
    record Sent(
            UUID enrolmentId,
            long position,
            UUID eventId,
            String topic,
            String eventType,
            String payloadSchema,
            byte[] record) {}

    /**
     * The highest position sent for each of these enrolments; one not in the answer has sent none. Called after the
     * enrolments' rows were written in the same transaction, whose locks keep two transactions from numbering one
     * enrolment's events at once.
     */
    Map<UUID, Long> lastPositions(Collection<UUID> enrolmentIds) {
        Map<UUID, Long> last = new HashMap<>();
        jdbc.query(
                "select enrolment_id, max(position) from exchange_sent_event where enrolment_id = any(?)"
                        + " group by enrolment_id",
                rs -> {
                    last.put(rs.getObject(1, UUID.class), rs.getLong(2));
                },
                (Object) enrolmentIds.stream().distinct().toArray(UUID[]::new));
        return last;
    }

    /** Keeps the events, as they are sent. */
    void keep(List<Sent> events, Instant at) {
        if (events.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(at);
        jdbc.batchUpdate("""
                insert into exchange_sent_event (enrolment_id, position, event_id, topic, event_type, payload_schema,
                                                 record, sent_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """, events, events.size(), (ps, sent) -> {
            ps.setObject(1, sent.enrolmentId());
            ps.setLong(2, sent.position());
            ps.setObject(3, sent.eventId());
            ps.setString(4, sent.topic());
            ps.setString(5, sent.eventType());
            ps.setString(6, sent.payloadSchema());
            ps.setBytes(7, sent.record());
            ps.setTimestamp(8, now);
        });
    }
}
