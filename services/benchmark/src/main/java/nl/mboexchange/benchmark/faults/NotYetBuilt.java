package nl.mboexchange.benchmark.faults;

/**
 * A fault the suite names but cannot inject until the node has what it exercises; its row says "not run", never
 * passed. To add it, replace this entry of {@link FaultCatalogue} with a {@link Fault} that injects it.
 */
record NotYetBuilt(String name, String injected, String notRunBecause) implements Fault {

    @Override
    public Injection inject(FaultNetwork network, Slice slice) {
        throw new UnsupportedOperationException(name + " cannot run: " + notRunBecause);
    }
}
