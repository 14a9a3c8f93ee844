package nl.mboexchange.benchmark.faults;

import java.io.IOException;
import java.util.Locale;
import java.util.OptionalInt;
import nl.mboexchange.node.kafka.HaltAfterAcknowledgedSend;

/**
 * The host killed between Kafka's acknowledgement and the outbox delete: its crash point halts the JVM (as {@code kill
 * -9} ends it) after an acknowledged batch and before the batch leaves the outbox, then the host is started again on
 * its database. It must send that batch again, and home must drop the copies.
 */
final class NodeKilled implements Fault {

    @Override
    public String name() {
        return "node-killed";
    }

    @Override
    public Injection inject(FaultNetwork network, Slice slice) throws IOException, InterruptedException {
        int batches = network.parameters().haltAfterBatches();
        network.host().armHalt(batches);
        network.sis().recordThenCorrect(slice.from(), slice.count());
        OptionalInt exit = network.host().awaitExit(network.parameters().settleTimeout());
        if (exit.isEmpty()) {
            throw new IllegalStateException("the host did not reach its crash point within "
                    + network.parameters().settleTimeout() + "; did it send " + batches + " batches?");
        }
        if (exit.getAsInt() != HaltAfterAcknowledgedSend.EXIT_STATUS) {
            throw new IllegalStateException("the host ended with status " + exit.getAsInt()
                    + ", not at its crash point (" + HaltAfterAcknowledgedSend.EXIT_STATUS + ")");
        }
        long restart = System.nanoTime();
        network.relaunchHost();
        double seconds = (System.nanoTime() - restart) / 1e9;
        return new Injection(
                "host " + FaultNetwork.HOST + " halted (as kill -9) after Kafka acknowledged outbox batch " + batches
                        + ", before its delete committed; started again",
                System.nanoTime(),
                0,
                -1,
                String.format(
                        Locale.ROOT,
                        "exit status %d at the crash point; restart took %.1f s",
                        exit.getAsInt(),
                        seconds));
    }
}
