/**
 * Where enrolments are stored: explicit, set-based SQL for the aggregate (one enrolment is a batch of one), the
 * registrar's list and the processed event ids.
 */
package nl.mboexchange.node.enrolment.persistence;
