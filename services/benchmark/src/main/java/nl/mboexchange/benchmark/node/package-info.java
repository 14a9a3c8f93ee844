/**
 * The nodes under load: a home and a host node, each in a JVM of its own, driven over a control connection. The
 * driver side ({@link nl.mboexchange.benchmark.node.NodeBenchmark}) seeds, feeds and collects; the node side
 * ({@link nl.mboexchange.benchmark.node.NodeProcess}) runs the real node and records when each result and receipt
 * became visible.
 */
package nl.mboexchange.benchmark.node;
