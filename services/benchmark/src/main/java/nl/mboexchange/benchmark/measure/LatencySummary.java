package nl.mboexchange.benchmark.measure;

/**
 * Percentiles of a set of latencies, in milliseconds.
 *
 * @param count how many latencies
 * @param p50 the median
 * @param p95 95th percentile
 * @param p99 99th percentile
 * @param p999 99.9th percentile
 * @param max the largest
 * @param mean the mean
 */
public record LatencySummary(long count, double p50, double p95, double p99, double p999, double max, double mean) {

    /** No latency was recorded. */
    public static final LatencySummary NONE = new LatencySummary(0, 0, 0, 0, 0, 0, 0);
}
