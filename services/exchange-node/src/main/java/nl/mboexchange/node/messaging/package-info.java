/**
 * The exchange on Kafka: the topics and their settings, the exchange events to and from their Avro records, the
 * listener on the channels from other schools, the outbox subscriber that puts the events a change sends in the outbox,
 * the publisher that sends the outbox, and the dead letters.
 */
package nl.mboexchange.node.messaging;
