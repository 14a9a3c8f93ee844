package nl.mboexchange.benchmark.faults;

/**
 * The schema registry taken from both nodes, for longer than their retry cap, while the slice's results travel: the
 * proxy in front of it closes every connection and refuses new ones, as a registry that went down would. The registry
 * itself keeps running, because it keeps its schemas in memory and would come back without them.
 */
final class RegistryUnreachable implements Fault {

    @Override
    public String name() {
        return "registry-stopped";
    }

    @Override
    public Injection inject(FaultNetwork network, Slice slice) throws InterruptedException {
        var parameters = network.parameters();
        network.registry().cut();
        try {
            network.sis().recordThenCorrect(slice.from(), slice.count());
            Thread.sleep(parameters.outage().toMillis());
        } finally {
            network.registry().restore();
        }
        return Injection.of("schema registry unreachable for both nodes for "
                + parameters.outage().toSeconds() + " s (retry cap "
                + parameters.effectiveRetryCap().toSeconds() + " s): every connection cut");
    }
}
