package nl.mboexchange.benchmark.faults;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import nl.mboexchange.benchmark.node.EnrolmentIds;
import nl.mboexchange.benchmark.node.ExchangeVerification.DatabaseAccess;

/**
 * Counts, in both nodes' databases, what became of one slice: each enrolment's result and its correction must each be
 * sent once by the host and applied once at home, and each of their two receipts sent once by home and applied once at
 * the host. The enrolments of a slice are numbered consecutively, so their ids form one range.
 */
final class SliceCounts {

    /** Per enrolment: two result versions and two receipts. */
    static final int EVENTS_PER_ENROLMENT = 4;

    private static final String RANGE = " and enrolment_id between ? and ?";

    private final DatabaseAccess home;
    private final DatabaseAccess host;
    private final EnrolmentIds ids;

    SliceCounts(DatabaseAccess home, DatabaseAccess host, EnrolmentIds ids) {
        this.home = home;
        this.host = host;
        this.ids = ids;
    }

    /** Whether every result version of the slice is kept at home, every receipt back at the host, the outboxes sent. */
    boolean complete(Slice slice) throws SQLException {
        long versions = 2L * slice.count();
        return home.count("select count(*) from result_version where true" + RANGE, range(slice)) >= versions
                && host.count(
                                "select count(*) from result_version where receipt_event_id is not null" + RANGE,
                                range(slice))
                        >= versions
                && home.count("select count(*) from outbox_event") == 0
                && host.count("select count(*) from outbox_event") == 0;
    }

    Counted count(Slice slice) throws SQLException {
        long versions = 2L * slice.count();
        long resultsSent = resultsSent(slice);
        long receiptsSent = receiptsSent(slice);
        long resultsTakenIn = takenIn(home, slice, "CourseResultRecorded", "count(*)");
        long resultsApplied = takenIn(home, slice, "CourseResultRecorded", "count(distinct event_id)");
        long receiptsTakenIn = takenIn(host, slice, "ResultAcknowledged", "count(*)");
        long receiptsApplied = takenIn(host, slice, "ResultAcknowledged", "count(distinct event_id)");
        long resultsKept = home.count("select count(*) from result_version where true" + RANGE, range(slice));
        long receiptsKept = host.count(
                "select count(*) from result_version where receipt_event_id is not null" + RANGE, range(slice));
        long doubled = (resultsTakenIn - resultsApplied)
                + (receiptsTakenIn - receiptsApplied)
                + Math.max(0, resultsApplied - versions)
                + Math.max(0, receiptsApplied - versions);
        long lost = Math.max(0, versions - Math.min(resultsApplied, resultsKept))
                + Math.max(0, versions - Math.min(receiptsApplied, receiptsKept));
        return new Counted(
                EVENTS_PER_ENROLMENT * (long) slice.count(),
                resultsSent + receiptsSent,
                resultsApplied + receiptsApplied,
                lost,
                doubled);
    }

    /** The receipts of the slice home has sent so far, by its timeline. */
    long receiptsSent(Slice slice) throws SQLException {
        return sent(home, slice, "ResultAcknowledged");
    }

    /** The results of the slice the host has sent so far, by its timeline. */
    long resultsSent(Slice slice) throws SQLException {
        return sent(host, slice, "CourseResultRecorded");
    }

    /** The events waiting in home's outbox. */
    long outboxAtHome() throws SQLException {
        return home.count("select count(*) from outbox_event");
    }

    /** The events waiting in the host's outbox. */
    long outboxAtHost() throws SQLException {
        return host.count("select count(*) from outbox_event");
    }

    /** Dead letters both nodes recorded since {@code since}, with this reason, or any reason for {@code null}. */
    long deadLetters(Instant since, String reason) throws SQLException {
        String sql = "select count(*) from dead_letter where dead_lettered_at >= ?"
                + (reason == null ? "" : " and reason = '" + reason + "'");
        Timestamp from = Timestamp.from(since);
        return home.count(sql, from) + host.count(sql, from);
    }

    private long sent(DatabaseAccess node, Slice slice, String type) throws SQLException {
        // What a node sent stays in the timeline of its enrolment; the outbox only holds what still waits.
        return node.count(
                "select count(*) from timeline_entry where direction = 'OUT' and event_type = '" + type + "'" + RANGE,
                range(slice));
    }

    private long takenIn(DatabaseAccess node, Slice slice, String type, String aggregate) throws SQLException {
        return node.count(
                "select " + aggregate + " from timeline_entry where direction = 'IN' and refusal is null"
                        + " and event_type = '" + type + "'" + RANGE,
                range(slice));
    }

    private Object[] range(Slice slice) {
        UUID first = ids.of(slice.from());
        UUID last = ids.of(slice.last());
        return new Object[] {first, last};
    }

    /**
     * One slice counted.
     *
     * @param expected events that must be applied: two result versions and two receipts per enrolment
     * @param sent events the nodes sent, by their timelines
     * @param applied distinct events applied at their recipient
     * @param lost expected events not applied, or applied without their effect (a version or receipt kept)
     * @param doubled events applied more than once, or more events applied than were expected
     */
    record Counted(long expected, long sent, long applied, long lost, long doubled) {}
}
