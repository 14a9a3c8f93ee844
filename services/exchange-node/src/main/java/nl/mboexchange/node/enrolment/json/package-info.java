/**
 * The exchange events as JSON, with the field names of the wire contract: the readable details the timeline keeps of
 * every event sent and received. The outbox keeps Avro, not this.
 */
package nl.mboexchange.node.enrolment.json;
