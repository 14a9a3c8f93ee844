package nl.mboexchange.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import nl.mboexchange.benchmark.node.NodeBenchmark;
import nl.mboexchange.benchmark.report.BenchmarkReport;
import nl.mboexchange.benchmark.report.ReportTable;
import nl.mboexchange.testinfra.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The benchmark in miniature, so that it cannot rot: a burst of 200 results and two seconds at 50 results/s through
 * two real nodes, a few seconds of REST commands, and a small floor. It asserts what must hold on any machine, that every result arrived at home
 * exactly once and every receipt came back to the host exactly once, and never a timing.
 */
class ExchangeBenchmarkSmokeIT {

    private final TestInfrastructure servers = TestInfrastructure.get();

    @Test
    void every_result_arrives_at_home_once_and_every_receipt_at_the_host_once() throws Exception {
        BenchmarkParameters smoke = BenchmarkParameters.smoke(Path.of("target", "benchmark-smoke"));

        BenchmarkReport report = new ExchangeBenchmark(smoke, servers, System.out).run();
        new ReportTable(new PrintStream(System.out, true)).print(report);

        long recorded = smoke.burst() + smoke.steadyCount(50);
        assertThat(report.nodes().verification().problems()).isEmpty();
        var rest = report.nodes().rest();
        assertThat(rest.failed()).as("REST requests not answered 201").isEmpty();
        assertThat(rest.created()).as("enrolments created over REST").isPositive();
        assertThat(rest.arrivedAtHost())
                .as("REST-created enrolments at the host")
                .isEqualTo(rest.created());
        try (Connection home = connect(NodeBenchmark.HOME_DATABASE);
                Connection host = connect(NodeBenchmark.HOST_DATABASE)) {
            // A node's timeline keeps what it sent; its outbox only what still waits to be sent.
            assertThat(count(
                            host,
                            "select count(*) from timeline_entry where direction = 'OUT'"
                                    + " and event_type = 'CourseResultRecorded'"))
                    .as("results sent by the host")
                    .isEqualTo(recorded);
            assertThat(count(home, "select count(*) from processed_event where event_type = 'CourseResultRecorded'"))
                    .as("results received at home")
                    .isEqualTo(recorded);
            assertThat(count(home, "select count(distinct (enrolment_id, attempt, version)) from result_version"))
                    .as("result versions kept at home")
                    .isEqualTo(recorded);
            assertThat(count(
                            home,
                            "select count(*) from timeline_entry where direction = 'OUT'"
                                    + " and event_type = 'ResultAcknowledged'"))
                    .as("receipts sent by home, one per result")
                    .isEqualTo(recorded);
            assertThat(count(host, "select count(*) from processed_event where event_type = 'ResultAcknowledged'"))
                    .as("receipts received at the host")
                    .isEqualTo(recorded);
            assertThat(count(host, "select count(*) from result_version where receipt_event_id is not null"))
                    .as("results acknowledged at the host")
                    .isEqualTo(recorded);
            // The last REST-created enrolments reach the host while their nodes still clear what they sent.
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (waiting(home, host) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(waiting(home, host))
                    .as("messages still waiting in the outboxes")
                    .isZero();
        }
    }

    private static long waiting(Connection home, Connection host) throws SQLException {
        return count(host, "select count(*) from outbox_event") + count(home, "select count(*) from outbox_event");
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(
                servers.jdbcUrl(database), servers.databaseUser(), servers.databasePassword());
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
