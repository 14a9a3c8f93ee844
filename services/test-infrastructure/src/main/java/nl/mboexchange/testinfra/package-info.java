/** Real PostgreSQL, Kafka and schema registry servers for integration tests, started once per test JVM. */
package nl.mboexchange.testinfra;
