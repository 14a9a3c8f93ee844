package nl.mboexchange.node.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.application.PersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The statements that take a student's personal data out of an enrolment and its timeline, for the two reasons the
 * node does so: a retention period that ended ({@link RetentionJob}) and the home school's erasure on request
 * ({@link #erase}). Either way the exchange id (a pseudonym) and the results stay, and the enrolment's version is
 * bumped, so a concurrent change of the same enrolment fails its optimistic check and is done again on what this left.
 */
public class PersonalDataRemoval implements PersonalData {

    static final String[] CONTACT_FIELDS = {"email"};
    static final String[] PERSONAL_FIELDS = {"givenName", "familyName", "dateOfBirth", "email"};

    private static final String PSEUDONYMISE_SUMMARIES = """
            update timeline_entry t
            set summary = replace(t.summary, e.student_given_name || ' ' || e.student_family_name,
                                  'student ' || e.student_exchange_id)
            from enrolment e
            where t.enrolment_id = e.id and e.id = any(?) and e.student_given_name is not null
            """;
    private static final String REMOVE_PERSONAL_DATA = """
            update enrolment set student_email = null, student_given_name = null, student_family_name = null,
                student_date_of_birth = null, contact_data_removed_at = coalesce(contact_data_removed_at, ?),
                personal_data_removed_at = coalesce(personal_data_removed_at, ?), version = version + 1
            where id = any(?)
            returning id
            """;
    // A kept answer to a REST command on the enrolment names it: its location or its body holds the enrolment id.
    private static final String DELETE_IDEMPOTENT_ANSWERS = """
            delete from idempotent_request
            where response_body like any(?) or response_location like any(?)
            """;
    private static final String DELETE_DEAD_LETTERS = "delete from dead_letter where message_key = any(?)";
    // A kept record may carry the student (a request does); its row stays, so the enrolment's positions go on.
    private static final String EMPTY_SENT_EVENTS =
            "update exchange_sent_event set record = null where enrolment_id = any(?) and record is not null";
    private static final String DELETE_HELD_OUTBOX_MESSAGES =
            "delete from outbox_event where held_at is not null and message_key = any(?)";

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    public PersonalDataRemoval(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erase(Collection<EnrolmentId> enrolments, Instant at) {
        if (enrolments.isEmpty()) {
            return;
        }
        UUID[] ids = enrolments.stream().map(EnrolmentId::value).toArray(UUID[]::new);
        removePersonalData(ids, at);
        String[] keys = enrolments.stream().map(EnrolmentId::toString).toArray(String[]::new);
        String[] mentions = enrolments.stream().map(id -> "%" + id + "%").toArray(String[]::new);
        jdbc.update(DELETE_IDEMPOTENT_ANSWERS, mentions, mentions);
        jdbc.update(DELETE_DEAD_LETTERS, (Object) keys);
        jdbc.update(DELETE_HELD_OUTBOX_MESSAGES, (Object) keys);
        emptySentEvents(ids);
    }

    /**
     * Empties the kept records of the events these enrolments sent, which reconciliation would send again; returns
     * how many. An emptied event is not sent again.
     */
    int emptySentEvents(UUID[] enrolments) {
        return jdbc.update(EMPTY_SENT_EVENTS, (Object) enrolments);
    }

    /** Removes the student's name, date of birth and e-mail address from these enrolments and from their timelines. */
    Removed removePersonalData(UUID[] enrolments, Instant at) {
        jdbc.update(PSEUDONYMISE_SUMMARIES, (Object) enrolments);
        List<UUID> done =
                jdbc.queryForList(REMOVE_PERSONAL_DATA, UUID.class, Timestamp.from(at), Timestamp.from(at), enrolments);
        return new Removed(done.size(), redactTimeline(done, PERSONAL_FIELDS));
    }

    /** Empties the student's fields in the details of every request on these enrolments' timelines; returns how many. */
    int redactTimeline(List<UUID> enrolments, String[] fields) {
        if (enrolments.isEmpty()) {
            return 0;
        }
        List<Object[]> redacted = jdbc.query(
                "select id, details from timeline_entry where enrolment_id = any(?) and details::text like '%\"student\"%'",
                (rs, row) -> new Object[] {rs.getLong("id"), rs.getString("details")},
                (Object) enrolments.toArray(UUID[]::new));
        List<Object[]> updates = redacted.stream()
                .map(entry -> new Object[] {redact((String) entry[1], fields), entry[0]})
                .toList();
        jdbc.batchUpdate("update timeline_entry set details = ?::json where id = ?", updates);
        return updates.size();
    }

    /**
     * What one removal changed.
     *
     * @param enrolments enrolments whose student's personal data was removed
     * @param timelineEntries timeline entries from which it was removed
     */
    record Removed(int enrolments, int timelineEntries) {}

    /** The details with the student's fields set to null, in their order: the timeline keeps the wire's order. */
    private String redact(String details, String[] fields) {
        JsonNode tree = json.readTree(details);
        if (tree.get("student") instanceof ObjectNode student) {
            for (String field : fields) {
                if (student.has(field)) {
                    student.putNull(field);
                }
            }
        }
        return json.writeValueAsString(tree);
    }
}
