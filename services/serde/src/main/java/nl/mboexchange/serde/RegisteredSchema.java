package nl.mboexchange.serde;

import org.apache.avro.Schema;

/**
 * One version of a schema under a subject, as the registry knows it.
 *
 * @param subject the subject
 * @param version the version within the subject, counting from 1
 * @param id the registry-wide id written into every record's header
 * @param schema the schema
 */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {}
