package nl.mboexchange.testinfra;

/** Servers that stop without a checked exception, from a shutdown hook. */
interface Stoppable extends AutoCloseable {
    @Override
    void close();
}
