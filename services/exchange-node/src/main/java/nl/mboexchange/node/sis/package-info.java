/**
 * Integration with this school's own student administration system (SIS) over Kafka: commands in on
 * {@code <prefix>school.<code>.commands}, carried out once per command id by the same application service as the
 * REST API, each id kept with its answer ({@code sis_command}); and on {@code <prefix>school.<code>.events} an update for everything that happens to the school's
 * enrolments, or a rejection of a command, written to the outbox in the transaction that decided it.
 */
package nl.mboexchange.node.sis;
