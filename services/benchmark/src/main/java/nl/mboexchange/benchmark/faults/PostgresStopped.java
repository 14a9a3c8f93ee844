package nl.mboexchange.benchmark.faults;

/** PostgreSQL stopped, for longer than the nodes' retry cap, while the slice's results travel. */
final class PostgresStopped implements Fault {

    @Override
    public String name() {
        return "postgres-stopped";
    }

    @Override
    public Injection inject(FaultNetwork network, Slice slice) throws InterruptedException {
        var parameters = network.parameters();
        network.sis().recordThenCorrect(slice.from(), slice.count());
        network.serverFaults().stopPostgres();
        try {
            Thread.sleep(parameters.outage().toMillis());
        } finally {
            network.serverFaults().startPostgres();
        }
        return Injection.of(
                "PostgreSQL of both nodes stopped for " + parameters.outage().toSeconds() + " s (retry cap "
                        + parameters.effectiveRetryCap().toSeconds() + " s), then started on its data");
    }
}
