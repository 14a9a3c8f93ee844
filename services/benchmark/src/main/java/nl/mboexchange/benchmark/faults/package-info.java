/**
 * The fault suite: the same nodes as the benchmark, driven through a broker restart, PostgreSQL and the registry
 * away, a node killed between Kafka's acknowledgement and the outbox delete, duplicate deliveries, poison and forged
 * records; each counted in both databases for anything lost, doubled or dead-lettered unexpectedly. {@link
 * nl.mboexchange.benchmark.faults.FaultSuite} is the program.
 */
package nl.mboexchange.benchmark.faults;
