package nl.mboexchange.serde;

import java.time.Instant;
import nl.mboexchange.serde.test.CourseResult;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Course results in the test schema's two versions: version 1 without {@code attempt}, version 2 (generated). */
final class CourseResultFixture {

    static final Instant RECORDED_AT = Instant.parse("2025-06-30T10:15:30Z");

    static final Schema VERSION_1 = new Schema.Parser().parse("""
            {"type": "record", "name": "CourseResult", "namespace": "nl.mboexchange.serde.test",
             "fields": [
               {"name": "studentId", "type": "string"},
               {"name": "courseCode", "type": "string"},
               {"name": "grade", "type": "string"},
               {"name": "recordedAt", "type": {"type": "long", "logicalType": "timestamp-millis"}}
             ]}
            """);

    /** A successor of version 1 adding a field without a default, so it cannot read version-1 data (not BACKWARD). */
    static final Schema WITHOUT_DEFAULT = new Schema.Parser().parse("""
            {"type": "record", "name": "CourseResult", "namespace": "nl.mboexchange.serde.test",
             "fields": [
               {"name": "studentId", "type": "string"},
               {"name": "courseCode", "type": "string"},
               {"name": "grade", "type": "string"},
               {"name": "recordedAt", "type": {"type": "long", "logicalType": "timestamp-millis"}},
               {"name": "examiner", "type": "string"}
             ]}
            """);

    private CourseResultFixture() {}

    static CourseResult passedCourseResult() {
        return CourseResult.newBuilder()
                .setStudentId("25LX-000123")
                .setCourseCode("K0080")
                .setGrade("7.5")
                .setRecordedAt(RECORDED_AT)
                .setAttempt(2)
                .build();
    }

    static GenericRecord passedCourseResultInVersion1() {
        return passedCourseResultAs(VERSION_1);
    }

    /** The version-1 fields of a passed result, in a record of any schema that has them. */
    static GenericRecord passedCourseResultAs(Schema schema) {
        GenericRecord record = new GenericData.Record(schema);
        record.put("studentId", "25LX-000123");
        record.put("courseCode", "K0080");
        record.put("grade", "7.5");
        record.put("recordedAt", RECORDED_AT.toEpochMilli());
        return record;
    }
}
