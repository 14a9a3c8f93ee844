/**
 * The order of each enrolment's events between two schools, as an operator sees and steers it: the events held until
 * their predecessors arrive, and reconciliation with a partner school.
 */
package nl.mboexchange.node.streams;
