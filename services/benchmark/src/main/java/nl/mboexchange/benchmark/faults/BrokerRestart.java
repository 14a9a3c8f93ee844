package nl.mboexchange.benchmark.faults;

import java.util.Locale;

/** The broker shut down and started again while the slice's results travel. */
final class BrokerRestart implements Fault {

    @Override
    public String name() {
        return "broker-restart";
    }

    @Override
    public Injection inject(FaultNetwork network, Slice slice) {
        network.sis().recordThenCorrect(slice.from(), slice.count());
        long down = System.nanoTime();
        network.serverFaults().restartKafka();
        double seconds = (System.nanoTime() - down) / 1e9;
        return Injection.of(String.format(
                Locale.ROOT, "Kafka shut down and started again (%.1f s) while the results travelled", seconds));
    }
}
