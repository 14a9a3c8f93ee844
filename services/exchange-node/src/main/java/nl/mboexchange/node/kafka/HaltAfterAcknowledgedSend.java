package nl.mboexchange.node.kafka;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A crash at the worst moment for the outbox, for the fault suite: once armed, the node's JVM halts (as {@code kill -9}
 * would end it: no shutdown hook, no commit) right after Kafka has acknowledged a batch and before the transaction that
 * takes the batch out of the outbox commits. The batch is then on the channel and still in the outbox, so the node
 * sends it again after its restart and the receiver must drop the copies. Armed only where {@code
 * mbo.fault-injection.enabled} is true; unarmed it does nothing.
 */
public final class HaltAfterAcknowledgedSend {

    /** The exit status of the halted JVM, so that whoever watches it knows the crash came from here. */
    public static final int EXIT_STATUS = 86;

    private final boolean enabled;
    private final AtomicInteger batchesBeforeHalt = new AtomicInteger();

    HaltAfterAcknowledgedSend(FaultInjectionProperties properties) {
        this.enabled = properties.enabled();
    }

    /** Halts the JVM after the {@code batches}-th acknowledged batch from now, before its delete commits. */
    public void arm(int batches) {
        if (!enabled) {
            throw new IllegalStateException("fault injection is off (mbo.fault-injection.enabled)");
        }
        if (batches < 1) {
            throw new IllegalArgumentException("batches must be at least 1, not " + batches);
        }
        batchesBeforeHalt.set(batches);
    }

    /** Called by the publisher when Kafka has acknowledged a batch of {@code messages}, before its delete commits. */
    void acknowledged(int messages) {
        if (messages > 0 && batchesBeforeHalt.get() > 0 && batchesBeforeHalt.decrementAndGet() == 0) {
            System.err.println("Fault injection: halting after Kafka acknowledged " + messages
                    + " outbox messages, before they leave the outbox");
            System.err.flush();
            Runtime.getRuntime().halt(EXIT_STATUS);
        }
    }
}
