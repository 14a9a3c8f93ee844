package nl.mboexchange.node.enrolment.persistence;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.mboexchange.node.enrolment.ExchangeEvent;
import nl.mboexchange.node.enrolment.application.EventOutcome;
import nl.mboexchange.node.enrolment.application.ProcessedEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The processed event ids, claimed for a whole batch in one statement. An event refused before is claimed again, so
 * that it is applied once the state allows it (a replayed dead letter, or a redelivery); an applied one never is.
 */
@Repository
class JdbcProcessedEvents implements ProcessedEvents {

    private static final String CLAIM = """
            insert into processed_event (event_id, enrolment_id, event_type, received_at)
            select received.event_id, received.enrolment_id, received.event_type, ?
            from unnest(?, ?, ?) as received (event_id, enrolment_id, event_type)
            on conflict (event_id) do update set received_at = excluded.received_at, refusal_code = null, refusal = null
                where processed_event.refusal_code is not null
            returning event_id
            """;
    private static final String REFUSALS = "select event_id, refusal_code, refusal from processed_event"
            + " where event_id = any(?) and refusal_code is not null";
    private static final String RECORD_REFUSAL =
            "update processed_event set refusal_code = ?, refusal = ? where event_id = ?";

    private final JdbcTemplate jdbc;

    JdbcProcessedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<UUID> claim(List<? extends ExchangeEvent> events, Instant at) {
        Set<UUID> claimed = new HashSet<>();
        if (events.isEmpty()) {
            return claimed;
        }
        UUID[] eventIds = events.stream().map(ExchangeEvent::eventId).toArray(UUID[]::new);
        UUID[] enrolmentIds =
                events.stream().map(event -> event.enrolmentId().value()).toArray(UUID[]::new);
        String[] types = events.stream().map(ExchangeEvent::type).toArray(String[]::new);
        jdbc.query(
                con -> {
                    PreparedStatement ps = con.prepareStatement(CLAIM);
                    ps.setTimestamp(1, Timestamp.from(at));
                    ps.setArray(2, con.createArrayOf("uuid", eventIds));
                    ps.setArray(3, con.createArrayOf("uuid", enrolmentIds));
                    ps.setArray(4, con.createArrayOf("text", types));
                    return ps;
                },
                rs -> {
                    claimed.add(rs.getObject(1, UUID.class));
                });
        return claimed;
    }

    @Override
    public Map<UUID, EventOutcome.Refused> refusalsAmong(Collection<UUID> eventIds) {
        Map<UUID, EventOutcome.Refused> refusals = new HashMap<>();
        UUID[] ids = eventIds.toArray(UUID[]::new);
        jdbc.query(
                con -> {
                    PreparedStatement ps = con.prepareStatement(REFUSALS);
                    ps.setArray(1, con.createArrayOf("uuid", ids));
                    return ps;
                },
                rs -> {
                    UUID id = rs.getObject("event_id", UUID.class);
                    refusals.put(
                            id, new EventOutcome.Refused(id, rs.getString("refusal_code"), rs.getString("refusal")));
                });
        return refusals;
    }

    @Override
    public void recordRefusals(Collection<EventOutcome.Refused> refusals) {
        if (refusals.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(RECORD_REFUSAL, refusals, refusals.size(), (ps, refused) -> {
            ps.setString(1, refused.code());
            ps.setString(2, refused.reason());
            ps.setObject(3, refused.eventId());
        });
    }
}
