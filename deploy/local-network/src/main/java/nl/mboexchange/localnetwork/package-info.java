/**
 * The local network: one command that starts Kafka, the schema registry, PostgreSQL and an exchange node per school on
 * this machine, without Docker, and stops all of them again.
 */
package nl.mboexchange.localnetwork;
