package nl.mboexchange.benchmark.node;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;
import nl.mboexchange.benchmark.measure.Clock;
import nl.mboexchange.node.enrolment.Enrolment;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.EnrolmentRepository;
import nl.mboexchange.node.enrolment.ExchangeEvent;
import nl.mboexchange.node.outbox.OutboxRepository;
import nl.mboexchange.node.result.NumericGrade;
import nl.mboexchange.node.timeline.Timeline;
import nl.mboexchange.node.timeline.TimelineEvent;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A design the host does not have yet, measured from its own parts: record commands grouped into one transaction
 * each, the way the node already applies a poll of received events. Whatever commands are waiting (up to a limit)
 * are loaded together ({@link EnrolmentRepository#findAllById}), changed by the domain one by one, and stored
 * together ({@link EnrolmentRepository#saveAll}, the timeline, the outbox), so a transaction's cost is shared by
 * all of them. Only {@code feed=batched} uses it; the figures it gives say what that change would bring.
 */
final class BatchingFeeder {

    private static final NumericGrade GRADE = NumericGrade.of("7.5");
    private static final LocalDate ASSESSED_ON = LocalDate.of(2026, 6, 30);
    private static final int MAX_BATCH = 500;
    private static final int DONE = -1;

    private final EnrolmentIds ids;
    private final EnrolmentRepository enrolments;
    private final Timeline timeline;
    private final OutboxRepository outbox;
    private final TransactionTemplate transactions;

    BatchingFeeder(
            EnrolmentIds ids,
            EnrolmentRepository enrolments,
            Timeline timeline,
            OutboxRepository outbox,
            TransactionTemplate transactions) {
        this.ids = ids;
        this.enrolments = enrolments;
        this.timeline = timeline;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    /**
     * Records the results as fast as batches go: each command counts as issued when its batch starts.
     *
     * @return when each command was issued, in microseconds since the epoch, and last the time the last one ended
     */
    long[] burst(int from, int count) {
        long[] issuedAt = new long[count + 1];
        for (int start = 0; start < count; start += MAX_BATCH) {
            int end = Math.min(start + MAX_BATCH, count);
            Arrays.fill(issuedAt, start, end, Clock.micros());
            List<Integer> batch = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
                batch.add(from + i);
            }
            record(batch);
        }
        issuedAt[count] = Clock.micros();
        return issuedAt;
    }

    /**
     * Offers the rate: each command is queued when it is due, and one thread records whatever waits, up to a limit,
     * in one transaction (group commit).
     *
     * @return when each command was due, in microseconds since the epoch, and last the time the last one ended
     */
    long[] steady(int from, int count, int rate) throws InterruptedException {
        long[] dueAt = new long[count + 1];
        BlockingQueue<Integer> waiting = new LinkedBlockingQueue<>();
        Thread recorder = new Thread(() -> drain(waiting), "feed-batched");
        recorder.setDaemon(true);
        recorder.start();
        long start = Clock.micros() + 10_000;
        for (int i = 0; i < count; i++) {
            long due = start + i * 1_000_000L / rate;
            long wait;
            while ((wait = due - Clock.micros()) > 0) {
                LockSupport.parkNanos(wait * 1_000);
            }
            dueAt[i] = due;
            waiting.add(from + i);
        }
        waiting.add(DONE);
        recorder.join();
        dueAt[count] = Clock.micros();
        return dueAt;
    }

    private void drain(BlockingQueue<Integer> waiting) {
        try {
            while (true) {
                List<Integer> batch = new ArrayList<>();
                batch.add(waiting.take());
                waiting.drainTo(batch, MAX_BATCH - 1);
                boolean done = batch.remove(Integer.valueOf(DONE));
                if (!batch.isEmpty()) {
                    record(batch);
                }
                if (done) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void record(List<Integer> indices) {
        transactions.executeWithoutResult(status -> {
            List<EnrolmentId> batch = indices.stream()
                    .map(index -> new EnrolmentId(ids.of(index)))
                    .toList();
            Map<EnrolmentId, Enrolment> loaded = enrolments.findAllById(batch);
            Instant now = Instant.now();
            List<ExchangeEvent> sent = new ArrayList<>(batch.size());
            List<TimelineEvent> entries = new ArrayList<>(batch.size());
            for (EnrolmentId id : batch) {
                Enrolment enrolment = loaded.get(id);
                enrolment.recordResult(1, GRADE, true, ASSESSED_ON, now);
                for (ExchangeEvent event : enrolment.releaseEvents()) {
                    sent.add(event);
                    entries.add(TimelineEvent.sent(event, enrolment, now));
                }
            }
            enrolments.saveAll(loaded.values());
            timeline.append(entries);
            outbox.enqueue(sent);
        });
    }
}
