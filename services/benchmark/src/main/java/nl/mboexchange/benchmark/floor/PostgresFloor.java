package nl.mboexchange.benchmark.floor;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import nl.mboexchange.benchmark.measure.Latencies;
import org.flywaydb.core.Flyway;

/**
 * PostgreSQL alone, on one connection, writing the rows a home node writes when it receives results: a claim in
 * the processed-event table ({@code on conflict do nothing}), an update of the enrolment with its version check, and
 * the receipt in the outbox. The tables are the node's own, created by the node's migrations, so indexes and
 * constraints cost the same. Every event is for a different enrolment, as in the burst. The full row set adds what
 * else a home node writes per received result: the result version, two timeline entries, the stream's position, the
 * receipt kept as sent, and two updates for the SIS in the outbox.
 */
public final class PostgresFloor {

    private static final String CLAIM = """
            insert into processed_event (event_id, enrolment_id, event_type, received_at)
            select received.event_id, received.enrolment_id, received.event_type, ?
            from unnest(?, ?, ?) as received (event_id, enrolment_id, event_type)
            on conflict (event_id) do nothing
            returning event_id
            """;
    private static final String UPDATE_ENROLMENTS = """
            update enrolment set last_changed_at = ?, version = enrolment.version + 1
            from unnest(?, ?) as changed (id, version)
            where enrolment.id = changed.id and enrolment.version = changed.version
            """;
    private static final String ENQUEUE = """
            insert into outbox_event (event_id, topic, message_key, event_type, payload, created_at)
            select sent.event_id, 'mbo.exchange.25LX.30GH', sent.message_key, 'ResultAcknowledged',
                cast(sent.payload as json), ?
            from unnest(?, ?, ?) as sent (event_id, message_key, payload)
            """;
    private static final String INSERT_RESULT_VERSIONS = """
            insert into result_version (enrolment_id, attempt, version, kind, grade, final_result, assessed_on,
                event_id, occurred_at, receipt_event_id, acknowledged_at)
            select kept.enrolment_id, 1, 1, 'ASSESSMENT', '7.5', true, date '2026-06-30', kept.event_id, ?,
                kept.receipt_event_id, ?
            from unnest(?, ?, ?) as kept (enrolment_id, event_id, receipt_event_id)
            """;
    private static final String APPEND_TIMELINE = """
            insert into timeline_entry (enrolment_id, event_id, direction, event_type, occurred_at, recorded_at,
                summary, details, caused_by_kind, caused_by)
            select entry.enrolment_id, entry.event_id, entry.direction, entry.event_type, ?, ?, entry.summary,
                cast(entry.details as jsonb), 'SCHOOL', '30GH'
            from unnest(?, ?, ?, ?, ?, ?) as entry (enrolment_id, event_id, direction, event_type, summary, details)
            """;

    // What a node writes beside, per received result: how far the result's stream has been applied, the receipt
    // kept as sent (the record it published, to send again should the partner ask), and the two updates its SIS gets
    // (the result received, the receipt sent) in the outbox beside the receipt.
    private static final String ADVANCE_STREAMS = """
            insert into exchange_stream_in (enrolment_id, sender, received_up_to)
            select stream.enrolment_id, '30GH', 1 from unnest(?) as stream (enrolment_id)
            on conflict (enrolment_id, sender) do update
            set received_up_to = greatest(exchange_stream_in.received_up_to, excluded.received_up_to)
            """;
    private static final String KEEP_SENT = """
            insert into exchange_sent_event (enrolment_id, position, event_id, topic, event_type, payload_schema,
                record, sent_at)
            select sent.enrolment_id, 1, sent.event_id, 'mbo.exchange.25LX.30GH', 'ResultAcknowledged',
                'nl.mboexchange.exchange.ResultAcknowledged', convert_to(sent.payload, 'UTF8'), ?
            from unnest(?, ?, ?) as sent (enrolment_id, event_id, payload)
            """;
    private static final String ENQUEUE_SIS_UPDATES = """
            insert into outbox_event (event_id, topic, message_key, event_type, payload, created_at)
            select gen_random_uuid(), 'mbo.school.25LX.events', sent.message_key, 'EnrolmentUpdate',
                cast(sent.payload as json), ?
            from unnest(?, ?) as sent (message_key, payload), generate_series(1, 2)
            """;

    private static final String CLAIM_ONE = """
            insert into processed_event (event_id, enrolment_id, event_type, received_at) values (?, ?, ?, ?)
            on conflict (event_id) do nothing
            """;
    private static final String UPDATE_ONE =
            "update enrolment set last_changed_at = ?, version = version + 1 where id = ? and version = ?";
    private static final String ENQUEUE_ONE = """
            insert into outbox_event (event_id, topic, message_key, event_type, payload, created_at)
            values (?, 'mbo.exchange.25LX.30GH', ?, 'ResultAcknowledged', cast(? as json), ?)
            """;

    private static final String SEED_ENROLMENTS = """
            insert into enrolment (id, role, status, home_school, host_school, student_exchange_id,
                student_given_name, student_family_name, student_date_of_birth, student_email, course_code,
                course_offering_id, course_title, course_study_load_hours, course_start_date, course_end_date,
                course_result_scale, requested_at, last_changed_at, version)
            select ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'HOME', 'ACCEPTED', '25LX',
                '30GH', gen_random_uuid(), 'Sanne', 'de Vries', date '2008-03-14', 'sanne@example.nl', 'K0080',
                '2026-S1-A', 'Ondernemend gedrag', 240, date '2026-02-02', date '2026-06-30', 'NUMERIC_1_TO_10',
                now(), now(), 0
            from generate_series(?, ?) as i
            """;

    private final String url;
    private final String user;
    private final String password;
    private int nextEnrolment;

    public PostgresFloor(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * Measures the three variants after a warm-up of each.
     *
     * @param batchedEvents events of each batched variant
     * @param batchSize events per transaction in the batched variants
     * @param perEventEvents events of the variant with one transaction per event
     */
    public PostgresFloorResult run(int batchedEvents, int batchSize, int perEventEvents) throws SQLException {
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        int warmBatched = Math.min(Math.max(batchedEvents / 10, batchSize), 10_000);
        int warmPerEvent = Math.min(Math.max(perEventEvents / 10, 1), 1_000);
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            seed(connection, 2 * (warmBatched + batchedEvents) + warmPerEvent + perEventEvents);
            connection.setAutoCommit(false);
            batched(connection, warmBatched, batchSize, false);
            PostgresFloorResult.Variant batched = batched(connection, batchedEvents, batchSize, false);
            batched(connection, warmBatched, batchSize, true);
            PostgresFloorResult.Variant full = batched(connection, batchedEvents, batchSize, true);
            perEvent(connection, warmPerEvent);
            PostgresFloorResult.Variant perEvent = perEvent(connection, perEventEvents);
            return new PostgresFloorResult(batchSize, batched, perEvent, full);
        }
    }

    private void seed(Connection connection, int enrolments) throws SQLException {
        try (PreparedStatement seed = connection.prepareStatement(SEED_ENROLMENTS);
                Statement analyze = connection.createStatement()) {
            seed.setInt(1, 0);
            seed.setInt(2, enrolments - 1);
            seed.executeUpdate();
            analyze.execute("vacuum analyze enrolment");
        }
    }

    private PostgresFloorResult.Variant batched(Connection connection, int events, int batchSize, boolean fullRowSet)
            throws SQLException {
        Latencies transactions = new Latencies();
        long start = System.nanoTime();
        for (int done = 0; done < events; done += batchSize) {
            int size = Math.min(batchSize, events - done);
            long began = System.nanoTime();
            writeBatch(connection, nextEnrolments(size), fullRowSet);
            connection.commit();
            transactions.record((System.nanoTime() - began) / 1_000);
        }
        return variant(events, System.nanoTime() - start, transactions);
    }

    private void writeBatch(Connection connection, UUID[] enrolments, boolean fullRowSet) throws SQLException {
        int size = enrolments.length;
        UUID[] events = new UUID[size];
        UUID[] receipts = new UUID[size];
        String[] types = new String[size];
        Long[] versions = new Long[size];
        String[] keys = new String[size];
        String[] payloads = new String[size];
        for (int i = 0; i < size; i++) {
            events[i] = UUID.randomUUID();
            receipts[i] = UUID.randomUUID();
            types[i] = "CourseResultRecorded";
            versions[i] = 0L;
            keys[i] = enrolments[i].toString();
            payloads[i] = receiptJson(receipts[i], enrolments[i], events[i]);
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setTimestamp(1, now);
            claim.setArray(2, connection.createArrayOf("uuid", events));
            claim.setArray(3, connection.createArrayOf("uuid", enrolments));
            claim.setArray(4, connection.createArrayOf("text", types));
            int claimed = 0;
            try (var rs = claim.executeQuery()) {
                while (rs.next()) {
                    claimed++;
                }
            }
            require(claimed == size, "claimed " + claimed + " of " + size);
        }
        try (PreparedStatement update = connection.prepareStatement(UPDATE_ENROLMENTS)) {
            update.setTimestamp(1, now);
            update.setArray(2, connection.createArrayOf("uuid", enrolments));
            update.setArray(3, connection.createArrayOf("bigint", versions));
            require(update.executeUpdate() == size, "an enrolment was not updated");
        }
        if (fullRowSet) {
            try (PreparedStatement keep = connection.prepareStatement(INSERT_RESULT_VERSIONS)) {
                keep.setTimestamp(1, now);
                keep.setTimestamp(2, now);
                keep.setArray(3, connection.createArrayOf("uuid", enrolments));
                keep.setArray(4, connection.createArrayOf("uuid", events));
                keep.setArray(5, connection.createArrayOf("uuid", receipts));
                keep.executeUpdate();
            }
            appendTimeline(connection, enrolments, events, receipts, payloads, now);
            try (PreparedStatement advance = connection.prepareStatement(ADVANCE_STREAMS)) {
                advance.setArray(1, connection.createArrayOf("uuid", enrolments));
                advance.executeUpdate();
            }
            try (PreparedStatement keep = connection.prepareStatement(KEEP_SENT)) {
                keep.setTimestamp(1, now);
                keep.setArray(2, connection.createArrayOf("uuid", enrolments));
                keep.setArray(3, connection.createArrayOf("uuid", receipts));
                keep.setArray(4, connection.createArrayOf("text", payloads));
                keep.executeUpdate();
            }
            try (PreparedStatement updates = connection.prepareStatement(ENQUEUE_SIS_UPDATES)) {
                updates.setTimestamp(1, now);
                updates.setArray(2, connection.createArrayOf("text", keys));
                updates.setArray(3, connection.createArrayOf("text", payloads));
                updates.executeUpdate();
            }
        }
        try (PreparedStatement enqueue = connection.prepareStatement(ENQUEUE)) {
            enqueue.setTimestamp(1, now);
            enqueue.setArray(2, connection.createArrayOf("uuid", receipts));
            enqueue.setArray(3, connection.createArrayOf("text", keys));
            enqueue.setArray(4, connection.createArrayOf("text", payloads));
            enqueue.executeUpdate();
        }
    }

    /**
     * The entry of the received result and of the receipt sent, as the node keeps them in the timeline: both caused by
     * the host that sent the result.
     */
    private static void appendTimeline(
            Connection connection, UUID[] enrolments, UUID[] events, UUID[] receipts, String[] payloads, Timestamp now)
            throws SQLException {
        int size = enrolments.length;
        UUID[] entryEnrolments = new UUID[2 * size];
        UUID[] entryEvents = new UUID[2 * size];
        String[] directions = new String[2 * size];
        String[] types = new String[2 * size];
        String[] summaries = new String[2 * size];
        String[] details = new String[2 * size];
        for (int i = 0; i < size; i++) {
            entryEnrolments[2 * i] = enrolments[i];
            entryEvents[2 * i] = events[i];
            directions[2 * i] = "IN";
            types[2 * i] = "CourseResultRecorded";
            summaries[2 * i] = "Result of attempt 1 recorded: 7.5 (final)";
            details[2 * i] = resultJson(events[i], enrolments[i]);
            entryEnrolments[2 * i + 1] = enrolments[i];
            entryEvents[2 * i + 1] = receipts[i];
            directions[2 * i + 1] = "OUT";
            types[2 * i + 1] = "ResultAcknowledged";
            summaries[2 * i + 1] = "Receipt by 25LX for attempt 1, version 1";
            details[2 * i + 1] = payloads[i];
        }
        try (PreparedStatement append = connection.prepareStatement(APPEND_TIMELINE)) {
            append.setTimestamp(1, now);
            append.setTimestamp(2, now);
            append.setArray(3, connection.createArrayOf("uuid", entryEnrolments));
            append.setArray(4, connection.createArrayOf("uuid", entryEvents));
            append.setArray(5, connection.createArrayOf("text", directions));
            append.setArray(6, connection.createArrayOf("text", types));
            append.setArray(7, connection.createArrayOf("text", summaries));
            append.setArray(8, connection.createArrayOf("text", details));
            append.executeUpdate();
        }
    }

    private PostgresFloorResult.Variant perEvent(Connection connection, int events) throws SQLException {
        Latencies transactions = new Latencies();
        try (PreparedStatement claim = connection.prepareStatement(CLAIM_ONE);
                PreparedStatement update = connection.prepareStatement(UPDATE_ONE);
                PreparedStatement enqueue = connection.prepareStatement(ENQUEUE_ONE)) {
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                long began = System.nanoTime();
                UUID enrolment = nextEnrolments(1)[0];
                UUID event = UUID.randomUUID();
                UUID receipt = UUID.randomUUID();
                Timestamp now = Timestamp.from(Instant.now());
                claim.setObject(1, event);
                claim.setObject(2, enrolment);
                claim.setString(3, "CourseResultRecorded");
                claim.setTimestamp(4, now);
                require(claim.executeUpdate() == 1, "event not claimed");
                update.setTimestamp(1, now);
                update.setObject(2, enrolment);
                update.setLong(3, 0);
                require(update.executeUpdate() == 1, "enrolment not updated");
                enqueue.setObject(1, receipt);
                enqueue.setString(2, enrolment.toString());
                enqueue.setString(3, receiptJson(receipt, enrolment, event));
                enqueue.setTimestamp(4, now);
                enqueue.executeUpdate();
                connection.commit();
                transactions.record((System.nanoTime() - began) / 1_000);
            }
            return variant(events, System.nanoTime() - start, transactions);
        }
    }

    private UUID[] nextEnrolments(int count) {
        UUID[] ids = new UUID[count];
        for (int i = 0; i < count; i++) {
            ids[i] = new UUID(0x4000L, 0x8000_0000_0000_0000L | nextEnrolment++);
        }
        return ids;
    }

    private static String receiptJson(UUID receipt, UUID enrolment, UUID acknowledged) {
        return "{\"eventId\":\"" + receipt + "\",\"occurredAt\":\"" + Instant.now() + "\",\"enrolmentId\":\""
                + enrolment + "\",\"senderSchool\":\"25LX\",\"recipientSchool\":\"30GH\",\"acknowledgedEventId\":\""
                + acknowledged + "\",\"attempt\":1,\"version\":1}";
    }

    private static String resultJson(UUID event, UUID enrolment) {
        return "{\"eventId\":\"" + event + "\",\"occurredAt\":\"" + Instant.now() + "\",\"enrolmentId\":\""
                + enrolment + "\",\"senderSchool\":\"30GH\",\"recipientSchool\":\"25LX\",\"attempt\":1,"
                + "\"version\":1,\"grade\":\"7.5\",\"finalResult\":true,\"assessedOn\":\"2026-06-30\","
                + "\"correctionReason\":null}";
    }

    private static PostgresFloorResult.Variant variant(int events, long nanos, Latencies transactions) {
        return new PostgresFloorResult.Variant(
                events, Math.round(events * 1e9 / Math.max(nanos, 1)), transactions.summary());
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("PostgreSQL floor: " + message);
        }
    }
}
