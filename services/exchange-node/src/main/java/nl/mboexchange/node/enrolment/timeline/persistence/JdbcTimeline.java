package nl.mboexchange.node.enrolment.timeline.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.ExchangeEvent;
import nl.mboexchange.node.enrolment.application.ConsequenceSubscriber;
import nl.mboexchange.node.enrolment.application.Consequences;
import nl.mboexchange.node.enrolment.json.ExchangeEventJson;
import nl.mboexchange.node.enrolment.timeline.EventDirection;
import nl.mboexchange.node.enrolment.timeline.Timeline;
import nl.mboexchange.node.enrolment.timeline.TimelineEntry;
import nl.mboexchange.node.enrolment.timeline.TimelineEvent;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The timelines in PostgreSQL, appended with one JDBC batch per transaction: the first subscriber to what a change
 * causes, since its entries are what the other writers describe.
 */
@Repository
@Order(1)
class JdbcTimeline implements Timeline, ConsequenceSubscriber {

    private static final String INSERT = """
            insert into timeline_entry (enrolment_id, event_id, direction, event_type, occurred_at, recorded_at,
                summary, refusal, details)
            values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as json))
            """;
    private static final String SELECT = """
            select enrolment_id, event_id, direction, event_type, occurred_at, recorded_at, summary, refusal, details
            from timeline_entry where enrolment_id = ? order by id
            """;

    private final JdbcTemplate jdbc;
    private final ExchangeEventJson json;

    JdbcTimeline(JdbcTemplate jdbc, ExchangeEventJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void follow(Consequences consequences) {
        append(consequences.entries().stream().map(Consequences.Entry::timeline).toList());
    }

    @Override
    public void append(List<TimelineEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(INSERT, events, events.size(), (ps, entry) -> {
            ExchangeEvent event = entry.event();
            ps.setObject(1, event.enrolmentId().value());
            ps.setObject(2, event.eventId());
            ps.setString(3, entry.direction().name());
            ps.setString(4, event.type());
            ps.setTimestamp(5, Timestamp.from(event.occurredAt()));
            ps.setTimestamp(6, Timestamp.from(entry.recordedAt()));
            ps.setString(7, event.summary());
            ps.setString(8, entry.refusal());
            ps.setString(9, json.write(event));
        });
    }

    @Override
    public List<TimelineEntry> of(EnrolmentId enrolmentId) {
        return jdbc.query(SELECT, JdbcTimeline::entry, enrolmentId.value());
    }

    private static TimelineEntry entry(ResultSet rs, int row) throws SQLException {
        return new TimelineEntry(
                new EnrolmentId(rs.getObject("enrolment_id", UUID.class)),
                rs.getObject("event_id", UUID.class),
                EventDirection.valueOf(rs.getString("direction")),
                rs.getString("event_type"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("summary"),
                rs.getString("refusal"),
                rs.getString("details"));
    }
}
