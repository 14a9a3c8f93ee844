package nl.mboexchange.serde.subject;

import org.apache.avro.Schema;

/** {@code <topic>-<record full name>}: one schema lineage per record type and topic. */
public final class TopicRecordNameStrategy implements SubjectNameStrategy {

    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
        return topic + "-" + schema.getFullName();
    }
}
