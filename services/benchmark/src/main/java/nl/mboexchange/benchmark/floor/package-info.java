/**
 * The raw floor: what Kafka and PostgreSQL alone do on this machine with the same bytes and the same rows as the
 * nodes, measured in the same run so that the nodes' figures can be read as a ratio of it.
 */
package nl.mboexchange.benchmark.floor;
