package nl.mboexchange.benchmark.report;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.mboexchange.benchmark.BenchmarkParameters;
import nl.mboexchange.benchmark.node.NodeResults;

/**
 * Every figure of a network run: the two-node shape and the network, measured one after the other on the same
 * servers with the same parameters, so that what grows with the number of schools shows beside what it grows from.
 *
 * @param startedAt when the run started (UTC, ISO-8601)
 * @param label the run's label
 * @param machine the machine and its load before and after
 * @param parameters the parameters of both measurements, and the network's own
 * @param twoNodes one host fed by one home, or {@code null} when left out
 * @param network one host fed by all the others
 */
public record NetworkReport(
        String startedAt,
        String label,
        Machine machine,
        Map<String, Object> parameters,
        NodeResults twoNodes,
        NodeResults network) {

    public static NetworkReport of(
            String startedAt,
            Machine machine,
            BenchmarkParameters parameters,
            Map<String, Object> networkParameters,
            NodeResults twoNodes,
            NodeResults network) {
        Map<String, Object> all = new LinkedHashMap<>(networkParameters);
        all.putAll(BenchmarkReport.parametersOf(parameters));
        return new NetworkReport(startedAt, parameters.label(), machine, all, twoNodes, network);
    }

    /** Every result of both measurements arrived once and every receipt came back once. */
    public boolean complete() {
        return (twoNodes == null || twoNodes.complete()) && network.complete();
    }
}
