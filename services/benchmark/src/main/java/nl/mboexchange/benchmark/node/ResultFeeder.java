package nl.mboexchange.benchmark.node;

import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import nl.mboexchange.benchmark.measure.Clock;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.application.EnrolmentService;
import nl.mboexchange.node.enrolment.application.Origin;
import nl.mboexchange.node.enrolment.application.RecordResult;
import nl.mboexchange.node.result.NumericGrade;

/**
 * The host's SIS, in the host's process: records the final result of attempt 1 of each enrolment through the node's
 * own application service, the way every adapter (REST, SIS commands) does, from several threads at once.
 */
final class ResultFeeder {

    private static final NumericGrade GRADE = NumericGrade.of("7.5");
    private static final LocalDate ASSESSED_ON = LocalDate.of(2026, 6, 30);
    /** The feeder stands for the host's registrars, as each REST request would. */
    private static final Origin FEEDER = new Origin.Registrar("benchmark");

    private final EnrolmentIds ids;
    private final EnrolmentService enrolments;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    ResultFeeder(EnrolmentIds ids, EnrolmentService enrolments) {
        this.ids = ids;
        this.enrolments = enrolments;
    }

    /**
     * Records the results of {@code count} enrolments from {@code from} as fast as the threads can.
     *
     * @return when each command was issued, in microseconds since the epoch, and last the time the last one ended
     */
    long[] burst(int from, int count, int threads) throws InterruptedException {
        long[] issuedAt = new long[count + 1];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, named("feed-burst"));
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count && failure.get() == null) {
                    issuedAt[i] = Clock.micros();
                    record(from + i);
                }
            });
        }
        finish(pool);
        issuedAt[count] = Clock.micros();
        return issuedAt;
    }

    /**
     * Offers {@code rate} results per second for the duration: each command is due at a fixed time and handed to
     * a worker then. Latency counts from when a command was due, so a host that falls behind shows it.
     *
     * @return when each command was due, in microseconds since the epoch, and last the time the last one ended
     */
    long[] steady(int from, int count, int rate, int threads) throws InterruptedException {
        long[] dueAt = new long[count + 1];
        ExecutorService pool = Executors.newFixedThreadPool(threads, named("feed-steady"));
        long start = Clock.micros() + 10_000;
        for (int i = 0; i < count && failure.get() == null; i++) {
            long due = start + i * 1_000_000L / rate;
            long wait;
            while ((wait = due - Clock.micros()) > 0) {
                LockSupport.parkNanos(wait * 1_000);
            }
            dueAt[i] = due;
            int index = from + i;
            pool.execute(() -> record(index));
        }
        finish(pool);
        dueAt[count] = Clock.micros();
        return dueAt;
    }

    private void record(int index) {
        try {
            enrolments.execute(new RecordResult(new EnrolmentId(ids.of(index)), 1, GRADE, true, ASSESSED_ON), FEEDER);
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    private void finish(ExecutorService pool) throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            throw new IllegalStateException("the host did not record its results within 30 minutes");
        }
        Throwable failed = failure.getAndSet(null);
        if (failed != null) {
            throw new IllegalStateException("the host refused a result: " + failed, failed);
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
