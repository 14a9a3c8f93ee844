package nl.mboexchange.benchmark.node;

import java.util.List;

/**
 * Nothing lost, nothing doubled: what the two databases hold after the run, against the results recorded.
 *
 * @param recorded results recorded at the host during the run (warm-up, burst and steady phases)
 * @param sentByHost result events in the host's outbox for the home school
 * @param receivedAtHome result events in the home node's processed-event table
 * @param keptAtHome result versions stored at home
 * @param receiptsSentByHome receipts in the home node's outbox for the host
 * @param receiptEnrolmentsAtHome distinct enrolments among those receipts: one receipt per result
 * @param receivedAtHost receipts in the host's processed-event table
 * @param acknowledgedAtHost result versions at the host that carry their receipt
 * @param completedAtHost enrolments completed at the host by their final result's receipt
 * @param unpublished outbox messages of either node not yet sent
 * @param duplicateDeliveries deliveries of events received before, which changed nothing
 * @param doubled events applied a second time as if new, as the probes saw it
 * @param seenLate results whose result or receipt was not yet visible when their phase stopped waiting; they count
 *     here when they arrived later, but their latency is missing from the phase's percentiles
 * @param problems what does not add up; empty when every result arrived once and every receipt came back once
 */
public record Verification(
        long recorded,
        long sentByHost,
        long receivedAtHome,
        long keptAtHome,
        long receiptsSentByHome,
        long receiptEnrolmentsAtHome,
        long receivedAtHost,
        long acknowledgedAtHost,
        long completedAtHost,
        long unpublished,
        long duplicateDeliveries,
        long doubled,
        long seenLate,
        List<String> problems) {

    public boolean exactlyOnce() {
        return problems.isEmpty();
    }
}
