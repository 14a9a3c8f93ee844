package nl.mboexchange.serde.subject;

import org.apache.avro.Schema;

/**
 * The record's full name, for example {@code nl.mboexchange.events.EnrolmentAccepted}: one schema lineage per
 * record type, whatever topic it travels on, so that one topic can carry several record types.
 */
public final class RecordNameStrategy implements SubjectNameStrategy {

    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        return schema.getFullName();
    }
}
