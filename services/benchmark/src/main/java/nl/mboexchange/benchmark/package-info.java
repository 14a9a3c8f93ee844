/**
 * The exchange benchmark: two nodes on the real embedded servers, measured end to end, beside the raw Kafka and
 * PostgreSQL floor of the same machine in the same run. {@link nl.mboexchange.benchmark.ExchangeBenchmark} is the
 * program.
 */
package nl.mboexchange.benchmark;
