/**
 * The use cases of enrolments: the commands of a registrar or a SIS, the batches of events from other schools, and
 * the queries of the REST API. Every adapter (REST, Kafka, SIS commands) goes through here, in one transaction per
 * command or per batch.
 */
package nl.mboexchange.node.enrolment.application;
