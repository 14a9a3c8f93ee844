package nl.mboexchange.benchmark.report;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import nl.mboexchange.benchmark.floor.KafkaFloorResult;
import nl.mboexchange.benchmark.floor.PostgresFloorResult;
import nl.mboexchange.benchmark.measure.LatencySummary;
import nl.mboexchange.benchmark.measure.ResourceUsage;
import nl.mboexchange.benchmark.node.BurstResult;
import nl.mboexchange.benchmark.node.HopBreakdown;
import nl.mboexchange.benchmark.node.IdleCost;
import nl.mboexchange.benchmark.node.NetworkResult;
import nl.mboexchange.benchmark.node.NodeResults;
import nl.mboexchange.benchmark.node.RestResult;
import nl.mboexchange.benchmark.node.SteadyResult;
import nl.mboexchange.benchmark.node.Verification;

/** The report as a table for people. */
public final class ReportTable {

    private final PrintStream out;

    public ReportTable(PrintStream out) {
        this.out = out;
    }

    public void print(BenchmarkReport report) {
        header("MBO Exchange benchmark", report.startedAt(), report.machine(), report.label(), report.parameters());
        if (report.kafkaFloor() != null) {
            kafka(report.kafkaFloor());
        }
        if (report.postgresFloor() != null) {
            postgres(report.postgresFloor());
        }
        if (report.nodes() != null) {
            nodes(report.nodes());
        }
        if (!report.ratios().isEmpty()) {
            line("");
            line("Node / floor");
            report.ratios().forEach((name, ratio) -> line("  %-52s %8.3f%s", name, ratio, target(name)));
        }
    }

    /** The network run: the two-node shape, the network, then how the figures grew from one to the other. */
    public void print(NetworkReport report) {
        header(
                "MBO Exchange benchmark, network",
                report.startedAt(),
                report.machine(),
                report.label(),
                report.parameters());
        if (report.twoNodes() != null) {
            nodes(report.twoNodes());
        }
        nodes(report.network());
        if (report.twoNodes() != null) {
            growth(report.twoNodes(), report.network());
        }
    }

    private void header(String title, String startedAt, Machine m, String label, Map<String, Object> parameters) {
        line("");
        line("%s, %s", title, startedAt);
        line(
                "machine: %d cores, %,d MB, %s, %s; load average %.2f before, %.2f after%s",
                m.cores(),
                m.memoryMb(),
                m.os(),
                m.java(),
                m.loadAverageBefore(),
                m.loadAverageAfter(),
                label.isBlank() ? "" : " (" + label + ")");
        line("parameters: %s", parameters);
    }

    private void growth(NodeResults one, NodeResults network) {
        int homes = network.network().homes().size();
        line("");
        line("Growth: the host fed by 1 home, then by %d", homes);
        line("  %-36s %14s %14s", "", "1 home", homes + " homes");
        line(
                "  %-36s %,14.0f %,14.0f",
                "burst, results/s end to end",
                one.burst().resultsPerSecond(),
                network.burst().resultsPerSecond());
        line(
                "  %-36s %14.2f %14.2f",
                "host CPU in the burst, cores",
                one.burst().host().averageCores(),
                network.burst().host().averageCores());
        line(
                "  %-36s %14.0f %14.0f",
                "host heap peak in the burst, MB",
                one.burst().host().peakHeapMb(),
                network.burst().host().peakHeapMb());
        line(
                "  %-36s %14.2f %14.2f",
                "receipt p99 in the burst, ms",
                one.burst().receiptLatency().p99(),
                network.burst().receiptLatency().p99());
        IdleCost oneIdle = one.network() == null ? null : one.network().idle();
        IdleCost networkIdle = network.network().idle();
        if (oneIdle != null && networkIdle != null) {
            line(
                    "  %-36s %14.3f %14.3f",
                    "idle CPU per node (average), cores",
                    oneIdle.nodeAverage().cores(),
                    networkIdle.nodeAverage().cores());
            line(
                    "  %-36s %14.0f %14.0f",
                    "idle RSS per node (average), MB",
                    oneIdle.nodeAverage().rssMb(),
                    networkIdle.nodeAverage().rssMb());
        }
    }

    private void idle(IdleCost idle) {
        line("");
        line(
                "  idle, sampled %.0f s after settling: %-12s %8s %10s %13s %8s",
                idle.sampleSeconds(), "", "CPU cores", "heap MB", "committed MB", "RSS MB");
        for (IdleCost.ProcessCost node : idle.nodes()) {
            processCost("node " + node.name(), node);
        }
        processCost("node average", idle.nodeAverage());
        for (IdleCost.ProcessCost server : idle.servers()) {
            processCost(server.name(), server);
        }
    }

    private void processCost(String name, IdleCost.ProcessCost cost) {
        line(
                "  %-52s %8.3f %10s %13s %8.0f",
                name,
                cost.cores(),
                cost.heapUsedMb() < 0 ? "-" : String.format(Locale.ROOT, "%.0f", cost.heapUsedMb()),
                cost.heapCommittedMb() < 0 ? "-" : String.format(Locale.ROOT, "%.0f", cost.heapCommittedMb()),
                cost.rssMb());
    }

    private void kafka(KafkaFloorResult kafka) {
        line("");
        line(
                "Kafka floor: %,d records of %d bytes, %d partitions, %s",
                kafka.records(), kafka.valueBytes(), kafka.partitions(), kafka.producerSettings());
        line(
                "  produce %,.0f records/s   consume %,.0f records/s",
                kafka.produceRecordsPerSecond(), kafka.consumeRecordsPerSecond());
        line("  %-28s %s", "end-to-end latency (ms)", LATENCY_HEADER);
        for (KafkaFloorResult.RateLatency steady : kafka.steady()) {
            line("  %-28s %s", steady.rate() + " records/s offered", latency(steady.latency()));
        }
    }

    private void postgres(PostgresFloorResult postgres) {
        line("");
        line("PostgreSQL floor: one connection, the node's tables");
        line("  %-52s %10s   %s", "", "events/s", "transaction p50 / p99 ms");
        variant("dedupe + aggregate + outbox, " + postgres.batchSize() + " per tx, set-based", postgres.batched());
        variant("node's full row set, " + postgres.batchSize() + " per tx, set-based", postgres.batchedFullRowSet());
        variant("dedupe + aggregate + outbox, one tx per event", postgres.perEvent());
    }

    private void variant(String name, PostgresFloorResult.Variant variant) {
        line(
                "  %-52s %,10.0f   %.2f / %.2f",
                name,
                variant.eventsPerSecond(),
                variant.transaction().p50(),
                variant.transaction().p99());
    }

    private void nodes(NodeResults nodes) {
        BurstResult burst = nodes.burst();
        line("");
        NetworkResult network = nodes.network();
        line(
                "Nodes: %s, a JVM each; %,d results of warm-up before the burst",
                network == null
                        ? "home 25LX and host 30GH"
                        : network.homes().size() == 1
                                ? "home " + network.homes().get(0) + " and host " + network.host()
                                : "host " + network.host() + " and "
                                        + network.homes().size() + " homes " + String.join(", ", network.homes())
                                        + " (results spread evenly)",
                nodes.warmupResults());
        if (network != null && network.idle() != null) {
            idle(network.idle());
            line("");
        }
        line(
                "  burst of %,d: %.2f s, %,.0f results/s end to end (its record commands fed at %,.0f/s in %.2f s)",
                burst.results(), burst.seconds(), burst.resultsPerSecond(), burst.feedPerSecond(), burst.feedSeconds());
        line("  %-28s %s", "latency (ms)", LATENCY_HEADER);
        line("  %-28s %s", "recorded -> at home", latency(burst.resultLatency()));
        line("  %-28s %s", "recorded -> receipt at host", latency(burst.receiptLatency()));
        line("  %-28s %s", "hops p50/p99 (ms)", hops(burst.hops()));
        if (network == null || network.burstAtHomes().size() < 2) {
            line("  %-28s %s", "home", usage(burst.home()));
        } else {
            for (int i = 0; i < network.burstAtHomes().size(); i++) {
                line(
                        "  %-28s %s",
                        "home " + network.homes().get(i),
                        usage(network.burstAtHomes().get(i)));
            }
        }
        line("  %-28s %s", "host", usage(burst.host()));
        line("");
        line(
                "  %-8s %9s  %-23s  %-23s %9s  %s",
                "steady", "achieved", "at home p50/p95/p99 ms", "receipt p50/p95/p99 ms", "drain ms", "kept up");
        for (SteadyResult steady : nodes.steady()) {
            line(
                    "  %-8s %9.0f  %-23s  %-23s %9.0f  %s",
                    steady.rate() + "/s",
                    steady.achievedRate(),
                    percentiles(steady.resultLatency()),
                    percentiles(steady.receiptLatency()),
                    steady.drainMillis(),
                    steady.keptUp() ? "yes" : "NO");
        }
        for (SteadyResult steady : nodes.steady()) {
            line("  %-8s hops p50/p99 (ms): %s", steady.rate() + "/s", hops(steady.hops()));
        }
        for (SteadyResult steady : nodes.steady()) {
            line("  %-8s home %s", steady.rate() + "/s", usage(steady.home()));
            line("  %-8s host %s", "", usage(steady.host()));
        }
        Verification v = nodes.verification();
        line("");
        line(
                "  exactly once: %s; %,d results recorded, %,d kept at home, %,d receipts kept at the host, %,d"
                        + " duplicate deliveries absorbed",
                v.exactlyOnce() ? "yes" : "NO",
                v.recorded(),
                v.keptAtHome(),
                v.acknowledgedAtHost(),
                v.duplicateDeliveries());
        if (v.seenLate() > 0) {
            line(
                    "  %,d results arrived only after their phase stopped waiting; their latencies are missing",
                    v.seenLate());
        }
        v.problems().forEach(problem -> line("    PROBLEM: %s", problem));
        if (nodes.rest() != null) {
            rest(nodes.rest());
        }
    }

    private void rest(RestResult rest) {
        line("");
        line(
                "REST: %d clients requesting enrolments at home, each waiting for its answer; measured %.1f s after as"
                        + " long a warm-up",
                rest.clients(), rest.seconds());
        line(
                "  %,.0f requests/s (target >= %,.0f), %,d requests",
                rest.requestsPerSecond(), RestResult.REQUESTS_PER_SECOND_TARGET, rest.requests());
        line("  %-28s %s", "latency (ms)", LATENCY_HEADER);
        line(
                "  %-28s %s   (target p99 < %.0f)",
                "request -> answer", latency(rest.latency()), RestResult.P99_TARGET_MILLIS);
        line("  %-28s %s", "home", usage(rest.home()));
        line(
                "  complete: %s; %,d enrolments created, %,d of them at the host%s",
                rest.complete() ? "yes" : "NO",
                rest.created(),
                rest.arrivedAtHost(),
                rest.failed().isEmpty() ? "" : "; not created: " + rest.failed());
    }

    private static final String LATENCY_HEADER =
            String.format(Locale.ROOT, "%8s %8s %8s %8s %8s", "p50", "p95", "p99", "p99.9", "max");

    private static String latency(LatencySummary l) {
        return String.format(
                Locale.ROOT, "%8.2f %8.2f %8.2f %8.2f %8.2f", l.p50(), l.p95(), l.p99(), l.p999(), l.max());
    }

    private static String percentiles(LatencySummary l) {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f", l.p50(), l.p95(), l.p99());
    }

    private static String hops(HopBreakdown h) {
        return String.format(
                Locale.ROOT,
                "record %s, to home %s, home apply %s, to host %s, host apply %s",
                p50p99(h.recordCommand()),
                p50p99(h.toHome()),
                p50p99(h.homeApply()),
                p50p99(h.toHost()),
                p50p99(h.hostApply()));
    }

    private static String p50p99(LatencySummary l) {
        return String.format(Locale.ROOT, "%.0f/%.0f", l.p50(), l.p99());
    }

    private static String usage(ResourceUsage u) {
        return String.format(
                Locale.ROOT,
                "CPU %.2f cores avg, %.2f peak (JIT %.1f s); heap peak %.0f MB of %.0f MB; GC %d, %.2f s",
                u.averageCores(),
                u.peakCores(),
                u.jitSeconds(),
                u.peakHeapMb(),
                u.heapCommittedMb(),
                u.gcCount(),
                u.gcSeconds());
    }

    private static String target(String ratio) {
        if (ratio.equals("burst / PostgreSQL batched floor")) {
            return String.format(Locale.ROOT, "   (target >= %.2f)", BenchmarkReport.BURST_TARGET_RATIO);
        }
        return "";
    }

    private void line(String format, Object... arguments) {
        out.println(String.format(Locale.ROOT, format, arguments));
    }
}
