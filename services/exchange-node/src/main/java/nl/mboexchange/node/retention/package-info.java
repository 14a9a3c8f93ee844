/**
 * How long the node keeps what it keeps: personal data of closed enrolments, processed-event ids, idempotent answers
 * and dead letters, removed on periods of their own by a scheduled job; and the removal of a student's personal data
 * that the job and erasure on request share.
 */
package nl.mboexchange.node.retention;
