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
        // A batch Kafka acknowledged while the database went away cannot be taken out of the outbox, so it is sent
        // again, and its receiver drops the copies: how many depends on what was in flight at that moment.
        return new Injection(
                "PostgreSQL of both nodes stopped for " + parameters.outage().toSeconds() + " s (retry cap "
                        + parameters.effectiveRetryCap().toSeconds() + " s), then started on its data",
                System.nanoTime(),
                0,
                -1,
                "");
    }
}
