package nl.mboexchange.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Counts rows in a node's database, and what the smoke runs assert of the host's and each home's. */
final class NodeDatabaseCounts {

    private NodeDatabaseCounts() {}

    static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The host sent each recorded result once and took in its receipt once. */
    static void assertHostSentEachResultAndGotItsReceiptOnce(Connection host, long recorded) throws SQLException {
        // A node's timeline keeps what it sent; its outbox only what still waits to be sent.
        assertThat(count(
                        host,
                        "select count(*) from timeline_entry where direction = 'OUT'"
                                + " and event_type = 'CourseResultRecorded'"))
                .as("results sent by the host")
                .isEqualTo(recorded);
        assertThat(count(host, "select count(*) from processed_event where event_type = 'ResultAcknowledged'"))
                .as("receipts received at the host")
                .isEqualTo(recorded);
        assertThat(count(host, "select count(*) from result_version where receipt_event_id is not null"))
                .as("results acknowledged at the host")
                .isEqualTo(recorded);
    }

    /** A home received and kept each of its students' results once and sent one receipt for each. */
    static void assertHomeKeptEachResultAndSentItsReceiptOnce(Connection home, String school, long results)
            throws SQLException {
        assertThat(count(home, "select count(*) from processed_event where event_type = 'CourseResultRecorded'"))
                .as("results received at " + school)
                .isEqualTo(results);
        assertThat(count(home, "select count(distinct (enrolment_id, attempt, version)) from result_version"))
                .as("result versions kept at " + school)
                .isEqualTo(results);
        assertThat(count(
                        home,
                        "select count(*) from timeline_entry where direction = 'OUT'"
                                + " and event_type = 'ResultAcknowledged'"))
                .as("receipts sent by " + school + ", one per result")
                .isEqualTo(results);
    }
}
