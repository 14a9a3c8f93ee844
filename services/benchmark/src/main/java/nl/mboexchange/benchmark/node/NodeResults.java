package nl.mboexchange.benchmark.node;

import java.util.List;

/**
 * The figures of the two nodes.
 *
 * @param warmupResults results recorded in the warm-up rounds before the burst, not reported
 * @param burst the burst
 * @param steady one entry per offered rate
 * @param verification what the databases hold afterwards
 * @param homeDatabase the home node's database
 * @param hostDatabase the host node's database
 */
public record NodeResults(
        int warmupResults,
        BurstResult burst,
        List<SteadyResult> steady,
        Verification verification,
        String homeDatabase,
        String hostDatabase) {}
