package nl.mboexchange.benchmark.report;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.mboexchange.benchmark.BenchmarkParameters;
import nl.mboexchange.benchmark.floor.KafkaFloorResult;
import nl.mboexchange.benchmark.floor.PostgresFloorResult;
import nl.mboexchange.benchmark.node.NodeResults;
import nl.mboexchange.benchmark.node.SteadyResult;

/**
 * Every figure of a run, with the machine and the parameters.
 *
 * @param startedAt when the run started, UTC
 * @param label what the operator noted about the run
 * @param machine the machine
 * @param parameters what the run measured and how much
 * @param kafkaFloor Kafka alone, or {@code null} when not measured
 * @param postgresFloor PostgreSQL alone, or {@code null} when not measured
 * @param nodes the two nodes, or {@code null} when not measured
 * @param ratios the nodes' figures as a ratio of the floor's
 */
public record BenchmarkReport(
        String startedAt,
        String label,
        Machine machine,
        Map<String, Object> parameters,
        KafkaFloorResult kafkaFloor,
        PostgresFloorResult postgresFloor,
        NodeResults nodes,
        Map<String, Double> ratios) {

    /** The target of the issue: the burst at half the batched PostgreSQL floor or better. */
    public static final double BURST_TARGET_RATIO = 0.5;

    /** The target of the issue: at 500 results/s, the 99th percentile below 100 ms. */
    public static final double STEADY_P99_TARGET_MILLIS = 100;

    public static BenchmarkReport of(
            String startedAt,
            Machine machine,
            BenchmarkParameters parameters,
            KafkaFloorResult kafka,
            PostgresFloorResult postgres,
            NodeResults nodes) {
        return new BenchmarkReport(
                startedAt,
                parameters.label(),
                machine,
                parametersOf(parameters),
                kafka,
                postgres,
                nodes,
                ratios(kafka, postgres, nodes));
    }

    static Map<String, Object> parametersOf(BenchmarkParameters p) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("burst", p.burst());
        map.put("warmup", p.warmup());
        map.put("warmupRounds", p.warmupRounds());
        map.put("rates", p.rates());
        map.put("steadySeconds", p.steady().toSeconds());
        map.put("feed", p.feed());
        map.put("feedThreads", p.feedThreads());
        map.put("partitions", p.partitions());
        map.put("restClients", p.restClients());
        map.put("restSeconds", p.rest().toSeconds());
        map.put("floorEvents", p.floorEvents());
        map.put("floorBatch", p.floorBatch());
        map.put("floorSingleEvents", p.floorSingleEvents());
        map.put("kafkaRecords", p.kafkaRecords());
        map.put("kafkaLatencySeconds", p.kafkaLatency().toSeconds());
        map.put("nodeHeap", p.nodeHeap());
        map.put("nodeJvmOptions", p.nodeJvmOptions());
        map.put("jfr", p.jfr());
        return map;
    }

    private static Map<String, Double> ratios(KafkaFloorResult kafka, PostgresFloorResult postgres, NodeResults nodes) {
        Map<String, Double> ratios = new LinkedHashMap<>();
        if (nodes == null) {
            return ratios;
        }
        double burst = nodes.burst().resultsPerSecond();
        if (postgres != null) {
            ratios.put(
                    "burst / PostgreSQL batched floor",
                    ratio(burst, postgres.batched().eventsPerSecond()));
            ratios.put(
                    "burst / PostgreSQL batched, node's full row set",
                    ratio(burst, postgres.batchedFullRowSet().eventsPerSecond()));
            ratios.put(
                    "burst / PostgreSQL one transaction per event",
                    ratio(burst, postgres.perEvent().eventsPerSecond()));
        }
        if (kafka != null) {
            ratios.put("burst / Kafka produce", ratio(burst, kafka.produceRecordsPerSecond()));
            ratios.put("burst / Kafka consume", ratio(burst, kafka.consumeRecordsPerSecond()));
            for (SteadyResult steady : nodes.steady()) {
                kafka.steady().stream()
                        .filter(floor -> floor.rate() == steady.rate())
                        .findFirst()
                        .ifPresent(floor -> ratios.put(
                                "steady " + steady.rate() + "/s receipt p99 / Kafka p99",
                                ratio(
                                        steady.receiptLatency().p99(),
                                        floor.latency().p99())));
            }
        }
        return ratios;
    }

    private static double ratio(double node, double floor) {
        return floor <= 0 ? 0 : Math.round(node / floor * 1000) / 1000.0;
    }
}
