/** Avro serializer and deserializer for Kafka in the Confluent wire format, with a caching Schema Registry client. */
package nl.mboexchange.serde;
