package nl.mboexchange.benchmark;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import nl.mboexchange.benchmark.floor.KafkaFloor;
import nl.mboexchange.benchmark.floor.KafkaFloorResult;
import nl.mboexchange.benchmark.floor.PostgresFloor;
import nl.mboexchange.benchmark.floor.PostgresFloorResult;
import nl.mboexchange.benchmark.floor.SamplePayload;
import nl.mboexchange.benchmark.node.NodeBenchmark;
import nl.mboexchange.benchmark.node.NodeResults;
import nl.mboexchange.benchmark.report.BenchmarkReport;
import nl.mboexchange.benchmark.report.Machine;
import nl.mboexchange.benchmark.report.ReportFile;
import nl.mboexchange.benchmark.report.ReportTable;
import nl.mboexchange.testinfra.TestInfrastructure;

/**
 * The benchmark program: starts the servers the integration tests use (PostgreSQL 17, a KRaft broker, the schema
 * registry), measures the raw Kafka and PostgreSQL floor, then two nodes exchanging results, prints a table and
 * writes every figure to a JSON file. The floor is measured first, before the nodes run, so that neither disturbs
 * the other; all of it in one run on one machine, so the ratios compare like with like.
 *
 * <p>Arguments are {@code key=value} pairs; see {@link BenchmarkParameters} and the module's README.
 */
public final class ExchangeBenchmark {

    /** The database of the PostgreSQL floor. */
    public static final String FLOOR_DATABASE = "benchmark_floor";

    private final BenchmarkParameters parameters;
    private final TestInfrastructure servers;
    private final PrintStream log;

    public ExchangeBenchmark(BenchmarkParameters parameters, TestInfrastructure servers, PrintStream log) {
        this.parameters = parameters;
        this.servers = servers;
        this.log = log;
    }

    public static void main(String[] args) throws Exception {
        QuietLogging.warningsOnly();
        BenchmarkParameters parameters;
        try {
            parameters = BenchmarkParameters.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(
                    "usage: ExchangeBenchmark [key=value ...], keys and defaults: " + BenchmarkParameters.keys());
            System.exit(64);
            return;
        }
        ProgramExit.after(() -> {
            BenchmarkReport report = new ExchangeBenchmark(parameters, TestInfrastructure.get(), System.out).run();
            new ReportTable(System.out).print(report);
            Path file = ReportFile.write(report, parameters.output());
            System.out.println();
            System.out.println("every figure: " + file.toAbsolutePath());
            return report.nodes() == null || report.nodes().complete() ? 0 : 1;
        });
    }

    public BenchmarkReport run() throws Exception {
        QuietLogging.warningsOnly();
        Machine machine = Machine.now();
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        step("starting PostgreSQL, Kafka and the schema registry");
        String bootstrap = servers.kafkaBootstrapServers();
        String registry = servers.schemaRegistryUrl();
        String floorUrl = servers.jdbcUrl(FLOOR_DATABASE);

        KafkaFloorResult kafka = null;
        PostgresFloorResult postgres = null;
        if (parameters.floors()) {
            step("Kafka floor: " + parameters.kafkaRecords() + " records");
            byte[] payload = SamplePayload.courseResultRecorded(registry, "benchmark.floor");
            kafka = new KafkaFloor(servers.kafkaOperator(), payload, parameters.partitions())
                    .run(parameters.kafkaRecords(), parameters.rates(), parameters.kafkaLatency());
            step("PostgreSQL floor: " + parameters.floorEvents() + " events batched, " + parameters.floorSingleEvents()
                    + " one per transaction");
            postgres = new PostgresFloor(floorUrl, servers.databaseUser(), servers.databasePassword())
                    .run(parameters.floorEvents(), parameters.floorBatch(), parameters.floorSingleEvents());
        }
        NodeResults nodes = null;
        if (parameters.nodes()) {
            nodes = new NodeBenchmark(parameters, servers, this::step).run();
        }
        return BenchmarkReport.of(startedAt, machine.ended(), parameters, kafka, postgres, nodes);
    }

    private void step(String message) {
        log.println("[benchmark] " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + message);
    }
}
