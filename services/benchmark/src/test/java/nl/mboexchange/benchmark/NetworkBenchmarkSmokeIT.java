package nl.mboexchange.benchmark;

import static nl.mboexchange.benchmark.NodeDatabaseCounts.count;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import nl.mboexchange.benchmark.node.IdleCost;
import nl.mboexchange.benchmark.node.Network;
import nl.mboexchange.benchmark.node.NodeBenchmark;
import nl.mboexchange.benchmark.report.NetworkReport;
import nl.mboexchange.benchmark.report.ReportTable;
import nl.mboexchange.node.school.SchoolCode;
import nl.mboexchange.testinfra.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The network run in miniature, so that it cannot rot: three schools, a host and two homes, a second of idle
 * sampling and a burst of 60 results spread over both homes. It asserts, by counting in every node's database, that
 * each home kept exactly its own students' results once and the host got every receipt back once; never a timing.
 */
class NetworkBenchmarkSmokeIT {

    private final TestInfrastructure servers = TestInfrastructure.get();

    @Test
    void every_home_keeps_its_own_results_once_and_the_host_gets_every_receipt_once() throws Exception {
        NetworkParameters smoke = NetworkParameters.smoke(Path.of("target", "benchmark-network-smoke"));

        NetworkReport report = new NetworkBenchmark(smoke, servers, System.out).run();
        new ReportTable(new PrintStream(System.out, true)).print(report);

        Network network = Network.of(smoke.schools());
        int recorded = smoke.benchmark().burst();
        int perHome = recorded / network.homes().size();
        assertThat(report.twoNodes()).isNull();
        assertThat(report.network().verification().problems()).isEmpty();
        IdleCost idle = report.network().network().idle();
        assertThat(idle.nodes()).extracting(IdleCost.ProcessCost::name).containsExactlyElementsOf(network.schools());
        assertThat(idle.nodes()).allSatisfy(node -> {
            assertThat(node.rssMb()).as("resident memory of " + node.name()).isPositive();
            assertThat(node.heapCommittedMb()).as("heap of " + node.name()).isPositive();
        });
        assertThat(report.network().network().burstAtHomes())
                .hasSize(network.homes().size());

        try (Connection host = connect(network.host())) {
            NodeDatabaseCounts.assertHostSentEachResultAndGotItsReceiptOnce(host, recorded);
            assertThat(count(host, "select count(*) from outbox_event"))
                    .as("host's outbox")
                    .isZero();
        }
        for (SchoolCode school : network.homes()) {
            try (Connection home = connect(school)) {
                NodeDatabaseCounts.assertHomeKeptEachResultAndSentItsReceiptOnce(home, school.value(), perHome);
                assertThat(count(
                                home,
                                "select count(*) from result_version v join enrolment e on e.id = v.enrolment_id"
                                        + " where e.home_school <> '" + school.value() + "'"))
                        .as("results at " + school.value() + " of another school's students")
                        .isZero();
                assertThat(count(home, "select count(*) from outbox_event"))
                        .as("outbox of " + school.value())
                        .isZero();
            }
        }
    }

    private Connection connect(SchoolCode school) throws SQLException {
        return DriverManager.getConnection(
                servers.jdbcUrl(NodeBenchmark.database(school.value())),
                servers.databaseUser(),
                servers.databasePassword());
    }
}
