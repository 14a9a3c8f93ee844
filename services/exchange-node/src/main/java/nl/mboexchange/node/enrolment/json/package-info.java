/**
 * The exchange events as JSON, with the field names of the wire contract: how the outbox and the timeline keep them.
 */
package nl.mboexchange.node.enrolment.json;
