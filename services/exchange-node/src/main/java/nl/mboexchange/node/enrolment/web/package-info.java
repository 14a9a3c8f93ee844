/**
 * The registrars' REST API on enrolments and their results, under {@code /api/v1/enrolments}. Its request and
 * response bodies are its own types, neither the domain's nor the wire's.
 */
package nl.mboexchange.node.enrolment.web;
