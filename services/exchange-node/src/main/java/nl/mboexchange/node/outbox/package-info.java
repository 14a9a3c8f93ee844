/**
 * The transactional outbox, as infrastructure: Avro records with the topic and key they go to, written in the
 * transaction of the change that caused them and sent after commit, at least once. It knows no domain type: what a
 * record stands for is decided by whoever writes it (messaging for the exchange, the SIS feed for a school's events).
 */
package nl.mboexchange.node.outbox;
