package nl.mboexchange.node.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Wakes the publisher when a transaction that wrote to the outbox has committed, so that an event leaves within
 * milliseconds instead of at the next look at the table.
 */
@Component
public class OutboxSignal {

    private final Semaphore pending = new Semaphore(0);

    /** There is something new in the outbox. */
    public void wake() {
        if (pending.availablePermits() == 0) {
            pending.release();
        }
    }

    /** Waits until woken or until the timeout passes; returns whether it was woken. */
    public boolean await(Duration timeout) throws InterruptedException {
        boolean woken = pending.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
        pending.drainPermits();
        return woken;
    }
}
