/**
 * The transactional outbox: events to send, written in the transaction of the state change that caused them and
 * published from here after commit, at least once.
 */
package nl.mboexchange.node.outbox;
