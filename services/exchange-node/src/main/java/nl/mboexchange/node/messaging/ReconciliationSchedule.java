package nl.mboexchange.node.messaging;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.mboexchange.node.intake.Faults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles with every partner school on a thread of its own, every interval, the first time one interval after the
 * node started; until the node stops. A round that fails (the database away) is logged and tried at the next one.
 */
final class ReconciliationSchedule implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationSchedule.class);

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread reconciliation = new Thread(runnable, "reconciliation");
        reconciliation.setDaemon(true);
        return reconciliation;
    });

    ReconciliationSchedule(Reconciliation reconciliation, Duration interval) {
        if (interval.isZero()) {
            return;
        }
        long every = interval.toMillis();
        thread.scheduleWithFixedDelay(
                () -> {
                    try {
                        reconciliation.reconcile(null);
                    } catch (RuntimeException e) {
                        log.warn("Reconciliation with the partner schools failed: {}", Faults.describe(e));
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
