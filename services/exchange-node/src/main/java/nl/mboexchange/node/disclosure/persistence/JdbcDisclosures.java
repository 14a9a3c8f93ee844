package nl.mboexchange.node.disclosure.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.mboexchange.node.disclosure.DisclosureReport;
import nl.mboexchange.node.disclosure.Disclosures;
import nl.mboexchange.node.retention.RetentionProperties;
import nl.mboexchange.node.school.SchoolCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report from what the node stored: its outgoing enrolments of the student, and on their timelines the events it
 * sent that carried a student (the request). The fields are the ones the event carried, whether or not this node has
 * removed their values since.
 */
@Repository
class JdbcDisclosures implements Disclosures {

    private static final String ENROLMENTS = """
            select id, host_school, course_code, course_title, status, student_given_name, student_family_name,
                student_date_of_birth, student_email, contact_data_removed_at, personal_data_removed_at,
                erasure_requested_at, erasure_confirmed_at, erasure_receipt_event_id
            from enrolment where role = 'HOME' and student_exchange_id = ? order by requested_at, id
            """;
    private static final String SENT = """
            select event_type, event_id, recorded_at, details from timeline_entry
            where enrolment_id = ? and direction = 'OUT' order by id
            """;

    private final JdbcTemplate jdbc;
    private final SchoolCode self;
    private final Clock clock;
    private final Duration kafkaCopiesLive;
    private final JsonMapper json = JsonMapper.builder().build();

    JdbcDisclosures(JdbcTemplate jdbc, SchoolCode self, Clock clock, RetentionProperties retention) {
        this.jdbc = jdbc;
        this.self = self;
        this.clock = clock;
        this.kafkaCopiesLive = retention.kafkaCopiesExpireAfter();
    }

    /**
     * Reads the enrolments and each one's timeline in one snapshot, on one connection, as {@code EnrolmentQueries}
     * reads an enrolment: a report never shows an erasure confirmed on an enrolment without the event that asked for
     * it.
     */
    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<DisclosureReport> reportOn(UUID exchangeId) {
        List<DisclosureReport.Enrolment> enrolments = jdbc.query(ENROLMENTS, this::enrolment, exchangeId);
        if (enrolments.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DisclosureReport(exchangeId, self.value(), clock.instant(), enrolments));
    }

    private DisclosureReport.Enrolment enrolment(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String host = rs.getString("host_school").trim();
        List<String> held = new ArrayList<>(List.of("exchangeId"));
        addIfPresent(held, "givenName", rs.getString("student_given_name"));
        addIfPresent(held, "familyName", rs.getString("student_family_name"));
        addIfPresent(held, "dateOfBirth", rs.getObject("student_date_of_birth"));
        addIfPresent(held, "email", rs.getString("student_email"));
        List<DisclosureReport.Disclosure> disclosures =
                jdbc.query(SENT, (sent, n) -> disclosure(sent, host), id).stream()
                        .flatMap(Optional::stream)
                        .toList();
        return new DisclosureReport.Enrolment(
                id,
                host,
                rs.getString("course_code").trim(),
                rs.getString("course_title"),
                rs.getString("status"),
                disclosures,
                new DisclosureReport.HeldHere(
                        held, instant(rs, "contact_data_removed_at"), instant(rs, "personal_data_removed_at")),
                erasure(rs, disclosures));
    }

    private DisclosureReport.Erasure erasure(ResultSet rs, List<DisclosureReport.Disclosure> disclosures)
            throws SQLException {
        Instant requested = instant(rs, "erasure_requested_at");
        Instant confirmed = instant(rs, "erasure_confirmed_at");
        DisclosureReport.ErasureStatus status;
        if (confirmed != null) {
            status = DisclosureReport.ErasureStatus.CONFIRMED;
        } else if (requested != null) {
            status = DisclosureReport.ErasureStatus.REQUESTED;
        } else {
            status = DisclosureReport.ErasureStatus.NOT_REQUESTED;
        }
        Instant lastSent = disclosures.stream()
                .map(DisclosureReport.Disclosure::sentAt)
                .max(Instant::compareTo)
                .orElse(null);
        return new DisclosureReport.Erasure(
                status,
                requested,
                confirmed,
                rs.getObject("erasure_receipt_event_id", UUID.class),
                lastSent == null ? null : lastSent.plus(kafkaCopiesLive));
    }

    /** The sent event as a disclosure, if it carried the student. */
    private Optional<DisclosureReport.Disclosure> disclosure(ResultSet rs, String recipient) throws SQLException {
        JsonNode student = json.readTree(rs.getString("details")).get("student");
        if (student == null || !student.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new DisclosureReport.Disclosure(
                recipient,
                rs.getString("event_type"),
                rs.getObject("event_id", UUID.class),
                instant(rs, "recorded_at"),
                List.copyOf(student.propertyNames())));
    }

    private static void addIfPresent(List<String> fields, String field, Object value) {
        if (value != null) {
            fields.add(field);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
