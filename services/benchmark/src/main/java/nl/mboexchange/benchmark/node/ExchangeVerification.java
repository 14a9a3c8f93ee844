package nl.mboexchange.benchmark.node;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts, in the nodes' databases, what became of the results recorded: each must have been sent once, kept once at
 * its home, acknowledged once, and its receipt kept once at the host. With several homes, what the homes hold is
 * added up: each home holds only its own students' enrolments.
 */
public final class ExchangeVerification {

    private final Homes home;
    private final DatabaseAccess host;

    ExchangeVerification(List<DatabaseAccess> homes, DatabaseAccess host) {
        this.home = new Homes(List.copyOf(homes));
        this.host = host;
    }

    /** How many outbox messages of all nodes wait to be sent; a message leaves the outbox once sent. */
    long unpublished() throws SQLException {
        String sql = "select count(*) from outbox_event";
        return home.count(sql) + host.count(sql);
    }

    /** Whether every receipt of the results recorded is back at the host and both outboxes are sent. */
    boolean settled(long recorded) throws SQLException {
        return host.count("select count(*) from result_version where receipt_event_id is not null") >= recorded
                && unpublished() == 0;
    }

    Verification verify(long recorded, long duplicateDeliveries, long doubled, long seenLate) throws SQLException {
        // What a node sent stays in the timeline of its enrolment; the outbox only holds what still waits.
        long sentByHost = host.count(
                "select count(*) from timeline_entry where direction = 'OUT' and event_type = 'CourseResultRecorded'");
        long receivedAtHome =
                home.count("select count(*) from processed_event where event_type = 'CourseResultRecorded'");
        long keptAtHome = home.count("select count(*) from result_version");
        long receiptsSentByHome = home.count(
                "select count(*) from timeline_entry where direction = 'OUT' and event_type = 'ResultAcknowledged'");
        long receiptEnrolments = home.count("select count(distinct enrolment_id) from timeline_entry"
                + " where direction = 'OUT' and event_type = 'ResultAcknowledged'");
        long receivedAtHost =
                host.count("select count(*) from processed_event where event_type = 'ResultAcknowledged'");
        long acknowledgedAtHost = host.count("select count(*) from result_version where receipt_event_id is not null");
        long completedAtHost = host.count("select count(*) from enrolment where status = 'COMPLETED'");
        long unpublished = unpublished();

        List<String> problems = new ArrayList<>();
        expect(problems, "result events sent by the host", sentByHost, recorded);
        expect(problems, "result events received at home", receivedAtHome, recorded);
        expect(problems, "result versions kept at home", keptAtHome, recorded);
        expect(problems, "receipts sent by home", receiptsSentByHome, recorded);
        expect(problems, "enrolments with a receipt sent by home", receiptEnrolments, recorded);
        expect(problems, "receipts received at the host", receivedAtHost, recorded);
        expect(problems, "result versions acknowledged at the host", acknowledgedAtHost, recorded);
        expect(problems, "enrolments completed at the host", completedAtHost, recorded);
        expect(problems, "outbox messages not yet sent", unpublished, 0);
        expect(problems, "events applied twice", doubled, 0);
        return new Verification(
                recorded,
                sentByHost,
                receivedAtHome,
                keptAtHome,
                receiptsSentByHome,
                receiptEnrolments,
                receivedAtHost,
                acknowledgedAtHost,
                completedAtHost,
                unpublished,
                duplicateDeliveries,
                doubled,
                seenLate,
                problems);
    }

    private static void expect(List<String> problems, String what, long actual, long expected) {
        if (actual != expected) {
            problems.add(what + ": " + actual + ", expected " + expected);
        }
    }

    /** The home nodes' databases, counted together. */
    private record Homes(List<DatabaseAccess> databases) {

        long count(String sql) throws SQLException {
            long total = 0;
            for (DatabaseAccess database : databases) {
                total += database.count(sql);
            }
            return total;
        }
    }

    /**
     * A database to count rows in.
     *
     * @param url its JDBC URL
     * @param user the user
     * @param password the password
     */
    public record DatabaseAccess(String url, String user, String password) {

        public long count(String sql, Object... parameters) throws SQLException {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                    PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
    }
}
