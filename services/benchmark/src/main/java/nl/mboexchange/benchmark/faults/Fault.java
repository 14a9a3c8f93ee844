package nl.mboexchange.benchmark.faults;

/**
 * One fault of the suite: it sends its slice's results on their way through the network and injects itself while
 * they travel. The suite then waits until every result and receipt of the slice is applied and counts.
 */
interface Fault {

    /** A short name, the row's first column and the {@code faults=} key. */
    String name();

    /** Why the fault cannot run yet, or {@code null} when it can. A fault that cannot run is reported "not run". */
    default String notRunBecause() {
        return null;
    }

    Injection inject(FaultNetwork network, Slice slice) throws Exception;
}
