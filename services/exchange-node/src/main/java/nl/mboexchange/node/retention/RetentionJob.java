package nl.mboexchange.node.retention;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.IntSupplier;
import nl.mboexchange.node.intake.Faults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes what the node no longer needs to keep ({@link RetentionProperties}): the personal data of closed
 * enrolments in two steps (contact data first, then name and date of birth, from the enrolment and from its timeline),
 * together with the first step the exchange events kept to send again on a partner's request (they carry the
 * request's student), and by age the processed-event ids, the kept answers to commands, the dead letters and the outbox messages held as
 * unsendable. The results of an enrolment stay: the home school needs them for the diploma.
 *
 * <p>An enrolment's changes bump its version, so a concurrent change of the same enrolment fails its optimistic
 * check and is done again on what this left. Each step commits in batches, so a long backlog never holds one long
 * transaction.
 */
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    static final int BATCH = 500;
    private static final String CLOSED = "status in ('COMPLETED', 'REJECTED', 'WITHDRAWN')";
    private static final String REMOVE_CONTACT_DATA = """
            update enrolment set student_email = null, contact_data_removed_at = ?, version = version + 1
            where id in (select id from enrolment where %s and contact_data_removed_at is null
                         and last_changed_at < ? limit %d)
            returning id
            """.formatted(CLOSED, BATCH);
    private static final String DUE_FOR_PSEUDONYMS = """
            select id from enrolment where %s and personal_data_removed_at is null and last_changed_at < ? limit %d
            """.formatted(CLOSED, BATCH);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final RetentionProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final PersonalDataRemoval removal;

    public RetentionJob(
            JdbcTemplate jdbc,
            PersonalDataRemoval removal,
            TransactionTemplate transactions,
            RetentionProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.removal = removal;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /** Removes everything whose period is over now, by the node's clock; returns what it removed. */
    public Removed run() {
        Instant now = clock.instant();
        int[] timeline = {0};
        int[] sent = {0};
        int contact = repeat(() -> removeContactData(now, timeline, sent));
        int personal = repeat(() -> removePersonalData(now, timeline));
        Removed removed = new Removed(
                contact,
                personal,
                timeline[0],
                deleteOlderThan("processed_event", "received_at", now.minus(properties.processedEventIdsAfter())),
                deleteOlderThan("idempotent_request", "created_at", now.minus(properties.idempotentResponsesAfter()))
                        + deleteOlderThan(
                                "sis_command", "decided_at", now.minus(properties.idempotentResponsesAfter())),
                deleteOlderThan("dead_letter", "dead_lettered_at", now.minus(properties.deadLettersAfter())),
                deleteOlderThan("outbox_event", "held_at", now.minus(properties.deadLettersAfter())));
        count("contact-data", removed.contactData());
        count("personal-data", removed.personalData());
        count("timeline-entries", removed.timelineEntries());
        count("sent-events", sent[0]);
        count("processed-event-ids", removed.processedEventIds());
        count("idempotent-responses", removed.idempotentResponses());
        count("dead-letters", removed.deadLetters());
        count("held-outbox-messages", removed.heldOutboxMessages());
        if (!removed.nothing()) {
            log.info("Retention removed {}", removed);
        }
        return removed;
    }

    private int removeContactData(Instant now, int[] timeline, int[] sent) {
        return transactions.execute(status -> {
            List<UUID> ids = jdbc.queryForList(
                    REMOVE_CONTACT_DATA,
                    UUID.class,
                    Timestamp.from(now),
                    Timestamp.from(now.minus(properties.contactDataAfter())));
            timeline[0] += removal.redactTimeline(ids, PersonalDataRemoval.CONTACT_FIELDS);
            // The records kept to send again carry the request's student, e-mail address included.
            sent[0] += removal.emptySentEvents(ids.toArray(UUID[]::new));
            return ids.size();
        });
    }

    private int removePersonalData(Instant now, int[] timeline) {
        return transactions.execute(status -> {
            List<UUID> due = jdbc.queryForList(
                    DUE_FOR_PSEUDONYMS, UUID.class, Timestamp.from(now.minus(properties.personalDataAfter())));
            if (due.isEmpty()) {
                return 0;
            }
            PersonalDataRemoval.Removed done = removal.removePersonalData(due.toArray(UUID[]::new), now);
            timeline[0] += done.timelineEntries();
            return done.enrolments();
        });
    }

    private int deleteOlderThan(String table, String column, Instant before) {
        String delete = "delete from %s where ctid in (select ctid from %s where %s < ? limit %d)"
                .formatted(table, table, column, BATCH);
        return repeat(() -> jdbc.update(delete, Timestamp.from(before)));
    }

    /** Runs a batch until one finds less than a whole batch; returns how many all of them did. */
    private static int repeat(IntSupplier batch) {
        int total = 0;
        int done;
        do {
            done = batch.getAsInt();
            total += done;
        } while (done >= BATCH);
        return total;
    }

    private void count(String what, int removed) {
        meters.counter("mbo.retention.removed", "what", what).increment(removed);
    }

    /** For the scheduler: one run, whose failure is logged and retried at the next interval. */
    void runScheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("Retention run failed ({}); trying again in {}", Faults.describe(e), properties.interval());
        }
    }
}
