package nl.mboexchange.benchmark.faults;

/**
 * What a fault did, as the fault itself knows it; the suite counts the rest in the databases.
 *
 * @param injected what was done, in words
 * @param endedAtNanos when the fault was over ({@link System#nanoTime()}): the server back, the node restarted, the
 *     last bad record produced
 * @param deadLettersExpected records the nodes must put in their dead letters
 * @param redeliveriesExpected deliveries of events already applied that the nodes must drop; -1 when the fault cannot
 *     know how many (the crash point's batch is as large as the outbox was)
 * @param note anything the row should say besides, or empty
 */
record Injection(String injected, long endedAtNanos, long deadLettersExpected, long redeliveriesExpected, String note) {

    static Injection of(String injected) {
        return new Injection(injected, System.nanoTime(), 0, 0, "");
    }
}
