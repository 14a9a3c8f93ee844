package nl.mboexchange.benchmark.measure;

import org.HdrHistogram.Histogram;

/**
 * Latencies recorded in microseconds into an HdrHistogram (three significant digits, up to ten minutes), so that a
 * percentile costs nothing to record and is exact to 0.1 %.
 */
public final class Latencies {

    private static final long HIGHEST_MICROS = 600_000_000L;

    private final Histogram histogram = new Histogram(HIGHEST_MICROS, 3);

    /** Records one latency; a negative one (clocks of two processes a microsecond apart) counts as zero. */
    public void record(long micros) {
        histogram.recordValue(Math.min(Math.max(micros, 0), HIGHEST_MICROS));
    }

    public long count() {
        return histogram.getTotalCount();
    }

    public LatencySummary summary() {
        if (histogram.getTotalCount() == 0) {
            return LatencySummary.NONE;
        }
        return new LatencySummary(
                histogram.getTotalCount(),
                millis(histogram.getValueAtPercentile(50)),
                millis(histogram.getValueAtPercentile(95)),
                millis(histogram.getValueAtPercentile(99)),
                millis(histogram.getValueAtPercentile(99.9)),
                millis(histogram.getMaxValue()),
                Math.round(histogram.getMean()) / 1000.0);
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
