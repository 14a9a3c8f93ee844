package nl.mboexchange.benchmark.node;

/** The commands of the control connection; see {@link NodeProcess} for what each one reads and answers. */
final class NodeCommands {

    /** Seed accepted enrolments: from, count. */
    static final String SEED = "seed";
    /** Start measuring CPU and heap. */
    static final String START_PHASE = "start-phase";
    /** Record results as fast as possible (host): from, count, threads; answers when each was issued. */
    static final String FEED_BURST = "feed-burst";
    /** Record results at a rate (host): from, count, rate, threads; answers when each was due. */
    static final String FEED_STEADY = "feed-steady";
    /** How many of the enrolments have their result or receipt visible: from, count. */
    static final String VISIBLE = "visible";
    /** Stop measuring: from, count; answers CPU and heap, the visibility times and the probe's counters. */
    static final String END_PHASE = "end-phase";
    /** How long the JIT has compiled since the node started, in milliseconds. */
    static final String JIT_MILLIS = "jit-millis";
    /** The port of the node's HTTP server (REST API and console). */
    static final String HTTP_PORT = "http-port";
    /** Halt the node's JVM after this many acknowledged outbox batches, before their delete commits: batches. */
    static final String ARM_HALT = "arm-halt";
    /** Close the node and exit. */
    static final String STOP = "stop";

    private NodeCommands() {}
}
