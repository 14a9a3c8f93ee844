/**
 * Where enrolments are stored: the aggregate as Spring Data JDBC entities for one enrolment at a time, and explicit,
 * set-based SQL for a batch of enrolments, the registrar's list and the processed event ids.
 */
package nl.mboexchange.node.enrolment.persistence;
