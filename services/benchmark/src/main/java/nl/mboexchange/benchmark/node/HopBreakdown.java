package nl.mboexchange.benchmark.node;

import nl.mboexchange.benchmark.measure.LatencySummary;

/**
 * Where the latency of a phase went, hop by hop, from the times both nodes keep in their own tables (a sent event's
 * {@code timeline_entry.recorded_at}, taken when its transaction began, and {@code processed_event.received_at},
 * taken when the receiving batch began) and the probes' commit times. So each hop into the other node also holds the
 * rest of the sending transaction, its commit and the outbox publisher's send and acknowledgement.
 *
 * @param recordCommand the record command was due or issued, until the host's transaction that recorded it began
 * @param toHome from there until the home node's batch that received the result began
 * @param homeApply received at home, until committed there
 * @param toHost the home node's transaction that sent the receipt began, until the host's batch received it
 * @param hostApply the receipt received at the host, until committed there
 */
public record HopBreakdown(
        LatencySummary recordCommand,
        LatencySummary toHome,
        LatencySummary homeApply,
        LatencySummary toHost,
        LatencySummary hostApply) {}
