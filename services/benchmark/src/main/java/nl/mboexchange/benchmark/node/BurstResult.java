package nl.mboexchange.benchmark.node;

import nl.mboexchange.benchmark.measure.LatencySummary;
import nl.mboexchange.benchmark.measure.ResourceUsage;

/**
 * The burst: N results recorded at the host as fast as its feeders go, until every result is at home and every
 * receipt back at the host.
 *
 * @param results N
 * @param seconds from the first record command to the last result or receipt visible, whichever came later
 * @param resultsPerSecond {@code results / seconds}: the exchange's end-to-end throughput
 * @param feedSeconds how long the host took to record the N results (its own commands, one transaction each)
 * @param feedPerSecond results recorded per second at the host
 * @param resultLatency per result: record command at the host to the result committed at home
 * @param receiptLatency per result: record command at the host to its receipt committed at the host
 * @param hops where the latency went, hop by hop
 * @param unseen results whose result or receipt did not become visible while the phase waited for them
 * @param home CPU and heap of the home node during the burst
 * @param host CPU and heap of the host node during the burst
 */
public record BurstResult(
        int results,
        double seconds,
        double resultsPerSecond,
        double feedSeconds,
        double feedPerSecond,
        LatencySummary resultLatency,
        LatencySummary receiptLatency,
        HopBreakdown hops,
        long unseen,
        ResourceUsage home,
        ResourceUsage host) {}
