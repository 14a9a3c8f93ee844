/**
 * A read-only view of this node's enrolments and their results in the Open Education API (OOAPI) v5, under
 * {@code /ooapi/v5}: each enrolment is a {@code courseOfferingAssociation} with role {@code student}. It reads through
 * the enrolment queries only, and its bodies are its own types, neither the domain's, the wire's nor {@code /api/v1}'s.
 */
package nl.mboexchange.node.ooapi;
