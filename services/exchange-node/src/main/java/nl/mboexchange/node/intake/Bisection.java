package nl.mboexchange.node.intake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Applies a poll's work in order and carves out only what fails on its own.
 *
 * <p>The whole run is tried first, in one transaction. When it fails and the infrastructure is away, the failure is
 * thrown and the poll is retried later. Otherwise the run is split in two halves, tried one after the other, and so on
 * down to single items: an item that fails alone is a fault of that item, whatever the exception, and the others are
 * applied exactly once and in their order. Finding one bad item in a poll of n costs about 2·log2(n) extra attempts.
 *
 * @param <T> one item of work, e.g. a received event with its record
 * @param <R> what became of an applied item
 */
public final class Bisection<T, R> {

    /** Work on a run of items, all or nothing, in a transaction of its own; one result per item, in order. */
    @FunctionalInterface
    public interface Work<T, R> {
        List<R> apply(List<T> items);
    }

    /**
     * An item that failed on its own.
     *
     * @param item the item
     * @param failure why
     */
    public record Failed<T>(T item, RuntimeException failure) {}

    /**
     * What became of a poll.
     *
     * @param results per item in the poll's order, the result of an applied item or {@code null} for a failed one
     * @param failed the items that failed on their own, in order
     */
    public record Outcome<T, R>(List<R> results, List<Failed<T>> failed) {}

    /** Attempts of one item whose failure looks like the infrastructure while the infrastructure answers. */
    private static final int ATTEMPTS_ALONE = 3;

    private final Work<T, R> work;
    private final BooleanSupplier infrastructureAvailable;

    /**
     * @param work the work, in a transaction of its own per call
     * @param infrastructureAvailable asks the database (with a short timeout) whether it answers; evidence that a
     *     failure that looks like the infrastructure's is in fact the item's
     */
    public Bisection(Work<T, R> work, BooleanSupplier infrastructureAvailable) {
        this.work = work;
        this.infrastructureAvailable = infrastructureAvailable;
    }

    /**
     * Applies the items.
     *
     * @throws RuntimeException the failure, when the infrastructure is away: nothing of the remaining items was applied,
     *     and what was applied before is recognised as a duplicate when the poll is retried
     */
    public Outcome<T, R> apply(List<T> items) {
        List<R> results = new ArrayList<>(Collections.nCopies(items.size(), null));
        List<Failed<T>> failed = new ArrayList<>();
        apply(items, 0, results, failed);
        return new Outcome<>(results, failed);
    }

    private void apply(List<T> items, int offset, List<R> results, List<Failed<T>> failed) {
        if (items.isEmpty()) {
            return;
        }
        RuntimeException failure;
        try {
            store(work.apply(items), offset, results);
            return;
        } catch (RuntimeException e) {
            failure = e;
        }
        if (Faults.isInfrastructure(failure) && !infrastructureAvailable.getAsBoolean()) {
            throw failure;
        }
        if (items.size() > 1) {
            int half = items.size() / 2;
            apply(items.subList(0, half), offset, results, failed);
            apply(items.subList(half, items.size()), offset + half, results, failed);
            return;
        }
        for (int attempt = 2; attempt <= ATTEMPTS_ALONE && Faults.isInfrastructure(failure); attempt++) {
            try {
                store(work.apply(items), offset, results);
                return;
            } catch (RuntimeException e) {
                failure = e;
                if (Faults.isInfrastructure(e) && !infrastructureAvailable.getAsBoolean()) {
                    throw e;
                }
            }
        }
        failed.add(new Failed<>(items.get(0), failure));
    }

    private static <R> void store(List<R> applied, int offset, List<R> results) {
        for (int i = 0; i < applied.size(); i++) {
            results.set(offset + i, applied.get(i));
        }
    }
}
