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
import nl.mboexchange.node.enrolment.application.Origin;
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
 * causes, since its entries are what the other writers describe. Each entry is stored with who caused it.
 */
@Repository
@Order(1)
class JdbcTimeline implements Timeline, ConsequenceSubscriber {

    private static final String INSERT = """
            insert into timeline_entry (enrolment_id, event_id, direction, event_type, occurred_at, recorded_at,
                summary, refusal, details, caused_by_kind, caused_by, sis_command_id, sis_issued_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as json), ?, ?, ?, ?)
            """;
    private static final String SELECT = """
            select enrolment_id, event_id, direction, event_type, occurred_at, recorded_at, summary, refusal, details,
                caused_by_kind, caused_by, sis_command_id, sis_issued_by
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
        List<Consequences.Entry> entries = consequences.entries();
        if (entries.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(INSERT, entries, entries.size(), (ps, entry) -> {
            TimelineEvent timeline = entry.timeline();
            ExchangeEvent event = timeline.event();
            TimelineEntry.Cause cause = cause(entry.origin());
            ps.setObject(1, event.enrolmentId().value());
            ps.setObject(2, event.eventId());
            ps.setString(3, timeline.direction().name());
            ps.setString(4, event.type());
            ps.setTimestamp(5, Timestamp.from(event.occurredAt()));
            ps.setTimestamp(6, Timestamp.from(timeline.recordedAt()));
            ps.setString(7, event.summary());
            ps.setString(8, timeline.refusal());
            ps.setString(9, json.write(event));
            ps.setString(10, cause.kind());
            ps.setString(11, cause.by());
            ps.setObject(12, cause.sisCommandId());
            ps.setString(13, cause.issuedBy());
        });
    }

    /** The cause as stored: for a SIS command, the login that wrote it stands for who, beside the command's own. */
    static TimelineEntry.Cause cause(Origin origin) {
        if (origin instanceof Origin.SisCommand sis) {
            return new TimelineEntry.Cause(origin.kind(), sis.principal(), sis.commandId(), sis.issuedBy());
        }
        // A registrar's user name or the sending school's code.
        return new TimelineEntry.Cause(origin.kind(), origin.reference(), null, null);
    }

    @Override
    public List<TimelineEntry> of(EnrolmentId enrolmentId) {
        return jdbc.query(SELECT, JdbcTimeline::entry, enrolmentId.value());
    }

    private static TimelineEntry entry(ResultSet rs, int row) throws SQLException {
        String kind = rs.getString("caused_by_kind");
        return new TimelineEntry(
                new EnrolmentId(rs.getObject("enrolment_id", UUID.class)),
                rs.getObject("event_id", UUID.class),
                EventDirection.valueOf(rs.getString("direction")),
                rs.getString("event_type"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("summary"),
                rs.getString("refusal"),
                rs.getString("details"),
                kind == null
                        ? null
                        : new TimelineEntry.Cause(
                                kind,
                                rs.getString("caused_by"),
                                rs.getObject("sis_command_id", UUID.class),
                                rs.getString("sis_issued_by")));
    }
}
