package nl.mboexchange.benchmark.node;

import java.util.Map;
import nl.mboexchange.benchmark.measure.LatencySummary;
import nl.mboexchange.benchmark.measure.ResourceUsage;

/**
 * Registrars' commands over the REST API: concurrent clients requesting enrolments at the home node, each sending
 * its next request when the last is answered.
 *
 * @param clients concurrent clients
 * @param seconds how long the measured part ran, after a warm-up of the same length
 * @param requests requests answered in that time
 * @param requestsPerSecond {@code requests / seconds}
 * @param latency per request, from sending to its answer
 * @param failed requests not answered 201 Created, in the warm-up or the measured part, by status or error; none is
 *     expected
 * @param created enrolments created, in the warm-up and the measured part
 * @param arrivedAtHost of those, how many the host holds afterwards; a shortfall is a loss
 * @param home CPU and heap of the home node while it was measured
 */
public record RestResult(
        int clients,
        double seconds,
        long requests,
        double requestsPerSecond,
        LatencySummary latency,
        Map<String, Long> failed,
        long created,
        long arrivedAtHost,
        ResourceUsage home) {

    /** The target: at least this many command requests per second with 20 clients... */
    public static final double REQUESTS_PER_SECOND_TARGET = 500;

    /** ...with the 99th percentile below this. */
    public static final double P99_TARGET_MILLIS = 100;

    /** Every request created its enrolment, and every enrolment reached the host. */
    public boolean complete() {
        return failed.isEmpty() && arrivedAtHost == created;
    }
}
