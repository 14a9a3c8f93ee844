package nl.mboexchange.serde.subject;

import org.apache.avro.Schema;

/**
 * Names the registry subject under which a record's schema is registered and looked up. Implementations
 * need a public no-argument constructor so that they can be named in configuration.
 */
@FunctionalInterface
public interface SubjectNameStrategy {

    /**
     * @param topic the topic the record is written to or read from
     * @param isKey whether the record is the key rather than the value
     * @param schema the record's schema
     * @return the subject name
     */
    String subjectName(String topic, boolean isKey, Schema schema);
}
