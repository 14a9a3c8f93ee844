package nl.mboexchange.testinfra;

/**
 * Takes the shared servers away and gives them back, for the fault suite: the broker restarted, PostgreSQL stopped
 * and started again on the same data and port. Only the embedded infrastructure offers it; everything that runs on
 * these servers in the same JVM sees the fault.
 */
public interface ServerFaults {

    /** Shuts Kafka down cleanly and starts it again on the same port and data; returns once it accepts clients. */
    void restartKafka();

    /** Stops PostgreSQL (fast shutdown: sessions are ended); its data stays. */
    void stopPostgres();

    /** Starts PostgreSQL again on the same port and data directory. */
    void startPostgres();

    /** The faults of this infrastructure, where it can inject them. */
    static ServerFaults of(TestInfrastructure infrastructure) {
        if (infrastructure instanceof ServerFaults faults) {
            return faults;
        }
        throw new UnsupportedOperationException(
                "only the embedded infrastructure can restart its servers, not " + infrastructure.getClass());
    }
}
