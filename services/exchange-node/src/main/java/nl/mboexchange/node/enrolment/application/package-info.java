/**
 * The use cases of enrolments: the commands of a registrar or a SIS, the batches of events from other schools, and
 * the queries of the REST API. Every adapter (REST, console, Kafka, SIS commands) goes through here, in one transaction
 * per command or per batch; what a change causes leaves as one {@link
 * nl.mboexchange.node.enrolment.application.Consequences} value, with its {@link
 * nl.mboexchange.node.enrolment.application.Origin}, to the {@link
 * nl.mboexchange.node.enrolment.application.ConsequenceSubscriber}s.
 */
package nl.mboexchange.node.enrolment.application;
