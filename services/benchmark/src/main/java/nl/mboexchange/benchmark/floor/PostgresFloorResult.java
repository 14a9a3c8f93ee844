package nl.mboexchange.benchmark.floor;

import nl.mboexchange.benchmark.measure.LatencySummary;

/**
 * What PostgreSQL alone does with the rows a node writes per received result, on one connection.
 *
 * @param batchSize events per transaction in the batched variants
 * @param batched the floor: dedupe insert, aggregate update and outbox insert, set-based, one transaction per batch
 * @param perEvent the same three statements with one transaction per event
 * @param batchedFullRowSet every row the home node writes for a result (the floor's three, plus the result version
 *     and two timeline entries), set-based, one transaction per batch
 */
public record PostgresFloorResult(int batchSize, Variant batched, Variant perEvent, Variant batchedFullRowSet) {

    /**
     * One way of writing the rows.
     *
     * @param events events written
     * @param eventsPerSecond events committed per second
     * @param transaction how long each transaction took, commit included
     */
    public record Variant(int events, double eventsPerSecond, LatencySummary transaction) {}
}
