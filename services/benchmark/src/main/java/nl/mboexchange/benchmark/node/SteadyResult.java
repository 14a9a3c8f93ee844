package nl.mboexchange.benchmark.node;

import nl.mboexchange.benchmark.measure.LatencySummary;
import nl.mboexchange.benchmark.measure.ResourceUsage;

/**
 * One steady phase: results offered at a fixed rate for a fixed time. Latencies count from when each record
 * command was due, not from when it was issued, so a host that falls behind shows it.
 *
 * @param rate results per second offered
 * @param results results offered
 * @param achievedRate results per second the host's feeders actually issued
 * @param resultLatency per result: record command due to the result committed at home
 * @param receiptLatency per result: record command due to its receipt committed at the host
 * @param hops where the latency went, hop by hop
 * @param drainMillis from the last command due to the last receipt visible
 * @param keptUp the rate was offered in full (at least 98 %) and the last receipt was back within a second, and none was unseen
 * @param unseen results whose result or receipt did not become visible while the phase waited for them
 * @param home CPU and heap of the home node during the phase
 * @param host CPU and heap of the host node during the phase
 */
public record SteadyResult(
        int rate,
        int results,
        double achievedRate,
        LatencySummary resultLatency,
        LatencySummary receiptLatency,
        HopBreakdown hops,
        double drainMillis,
        boolean keptUp,
        long unseen,
        ResourceUsage home,
        ResourceUsage host) {}
