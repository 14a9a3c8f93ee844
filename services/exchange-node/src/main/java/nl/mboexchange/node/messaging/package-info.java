/** Kafka messaging: the topics of the exchange and of this school, and their settings. */
package nl.mboexchange.node.messaging;
