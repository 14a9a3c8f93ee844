/**
 * Enrolments: the aggregate that follows one student in one course at one host, from request to completion, as the
 * home school and the host school each see it, and the exchange events it sends and receives.
 */
package nl.mboexchange.node.enrolment;
