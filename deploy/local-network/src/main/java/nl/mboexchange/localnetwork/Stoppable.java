package nl.mboexchange.localnetwork;

/** A server of the local network that can be stopped; stopping twice does nothing more. */
interface Stoppable {

    void stop();
}
