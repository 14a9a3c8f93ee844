package nl.mboexchange.benchmark;

import static nl.mboexchange.benchmark.NodeDatabaseCounts.count;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
            NodeDatabaseCounts.assertHostSentEachResultAndGotItsReceiptOnce(host, recorded);
            NodeDatabaseCounts.assertHomeKeptEachResultAndSentItsReceiptOnce(home, "home", recorded);
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
}
