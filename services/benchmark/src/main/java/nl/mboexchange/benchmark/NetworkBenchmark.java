package nl.mboexchange.benchmark;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import nl.mboexchange.benchmark.node.Network;
import nl.mboexchange.benchmark.node.NodeBenchmark;
import nl.mboexchange.benchmark.node.NodeResults;
import nl.mboexchange.benchmark.node.NodeSettings;
import nl.mboexchange.benchmark.report.Machine;
import nl.mboexchange.benchmark.report.NetworkReport;
import nl.mboexchange.benchmark.report.ReportFile;
import nl.mboexchange.benchmark.report.ReportTable;
import nl.mboexchange.testinfra.TestInfrastructure;

/**
 * How the exchange's cost grows with the network: on the servers the integration tests use, first the two-node
 * shape (one host fed by one home), then a network of {@code schools} schools on the same broker (one host fed by
 * all the others, its results spread evenly over them), each node the unchanged node application in a JVM of its
 * own. Both measure what each node costs with nothing to do, then the same burst; the table shows them side by side
 * and the JSON keeps every figure.
 *
 * <p>Arguments are {@code key=value} pairs; see {@link NetworkParameters} and the module's README.
 */
public final class NetworkBenchmark {

    private final NetworkParameters parameters;
    private final TestInfrastructure servers;
    private final PrintStream log;

    public NetworkBenchmark(NetworkParameters parameters, TestInfrastructure servers, PrintStream log) {
        this.parameters = parameters;
        this.servers = servers;
        this.log = log;
    }

    public static void main(String[] args) throws Exception {
        QuietLogging.warningsOnly();
        NetworkParameters parameters;
        try {
            parameters = NetworkParameters.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: NetworkBenchmark [key=value ...], keys and defaults: "
                    + NetworkParameters.keys() + ", and every key of the exchange benchmark: "
                    + BenchmarkParameters.keys().keySet());
            System.exit(64);
            return;
        }
        ProgramExit.after(() -> {
            NetworkReport report = new NetworkBenchmark(parameters, TestInfrastructure.get(), System.out).run();
            new ReportTable(System.out).print(report);
            Path file = ReportFile.write(report, parameters.benchmark().output());
            System.out.println();
            System.out.println("every figure: " + file.toAbsolutePath());
            return report.complete() ? 0 : 1;
        });
    }

    public NetworkReport run() throws Exception {
        QuietLogging.warningsOnly();
        Machine machine = Machine.now();
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        step("starting PostgreSQL, Kafka and the schema registry");
        servers.kafkaBootstrapServers();
        servers.schemaRegistryUrl();
        BenchmarkParameters shared = parameters.benchmark();
        NodeResults twoNodes = null;
        if (parameters.compare()) {
            step("two nodes: the host fed by one home");
            twoNodes = new NodeBenchmark(shared, servers, this::step, Network.TWO_NODES, parameters.idle()).run();
            // The network is to have its own schools only: channels to these would be subscribed to and polled.
            NodeSettings.removeSchools(servers, shared.partitions(), Network.TWO_NODES.schools());
        }
        Network network = Network.of(parameters.schools());
        step("network of " + parameters.schools() + " schools: host "
                + network.host().value() + " fed by " + network.homes().size() + " homes");
        NodeResults all = new NodeBenchmark(shared, servers, this::step, network, parameters.idle()).run();
        return NetworkReport.of(startedAt, machine.ended(), shared, parameters.own(), twoNodes, all);
    }

    private void step(String message) {
        log.println("[benchmark-network] " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + message);
    }
}
