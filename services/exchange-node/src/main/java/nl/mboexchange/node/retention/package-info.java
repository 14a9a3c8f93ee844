/**
 * How long the node keeps what it keeps: personal data of closed enrolments, processed-event ids, idempotent answers
 * and dead letters, removed on periods of their own by a scheduled job.
 */
package nl.mboexchange.node.retention;
