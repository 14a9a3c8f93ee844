package nl.mboexchange.benchmark.node;

import java.util.List;

/**
 * The figures of the nodes.
 *
 * @param warmupResults results recorded in the warm-up rounds before the burst, not reported
 * @param burst the burst
 * @param steady one entry per offered rate
 * @param verification what the databases hold afterwards
 * @param rest registrars' commands over the REST API, or {@code null} when not measured
 * @param homeDatabase the home node's database (the first home's, in a network of several)
 * @param hostDatabase the host node's database
 * @param network with more than one home: the idle cost of every node and each home's share of the burst; {@code
 *     null} for the two-node run
 */
public record NodeResults(
        int warmupResults,
        BurstResult burst,
        List<SteadyResult> steady,
        Verification verification,
        RestResult rest,
        String homeDatabase,
        String hostDatabase,
        NetworkResult network) {

    /** Every result arrived once and every receipt came back once, and every REST command took effect at both nodes. */
    public boolean complete() {
        return verification.exactlyOnce() && (rest == null || rest.complete());
    }
}
