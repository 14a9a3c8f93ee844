/**
 * How the node takes work in from Kafka: telling a fault of one record from a fault of the infrastructure, carving a
 * bad record out of its poll, and showing in metrics, health and the log when a listener makes no progress.
 */
package nl.mboexchange.node.intake;
