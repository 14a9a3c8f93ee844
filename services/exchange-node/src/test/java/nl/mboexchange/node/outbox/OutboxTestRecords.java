package nl.mboexchange.node.outbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.mboexchange.sis.EnrolmentUpdate;
import nl.mboexchange.sis.event.EnrolmentChange;
import nl.mboexchange.sis.event.EnrolmentRole;
import nl.mboexchange.sis.event.EnrolmentStatus;
import nl.mboexchange.sis.event.ResultVersion;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/** A record with optional fields, a union, an enum, a date and a timestamp, and the bytes the publisher sends of it. */
final class OutboxTestRecords {

    private OutboxTestRecords() {}

    static EnrolmentUpdate correctedResult() {
        return EnrolmentUpdate.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.parse("2026-06-20T10:15:30.123Z"))
                .setEnrolmentId(UUID.randomUUID())
                .setChange(EnrolmentChange.RESULT_CORRECTED)
                .setRole(EnrolmentRole.HOST)
                .setStatus(EnrolmentStatus.ACCEPTED)
                .setHomeSchool("25LX")
                .setHostSchool("30GH")
                .setCommandId(UUID.randomUUID())
                .setIssuedBy("registrar-7")
                .setResult(ResultVersion.newBuilder()
                        .setAttempt(1)
                        .setVersion(2)
                        .setGrade("7.1")
                        .setFinalResult(false)
                        .setAssessedOn(LocalDate.parse("2026-06-18"))
                        .setCorrectionReason("Marked again")
                        .build())
                .build();
    }

    /**
     * Avro's binary encoding of the record, what the publisher sends after the schema id: a generated record by its
     * class, a generic one (as the publisher reads it from the outbox) by its schema.
     */
    static byte[] binary(IndexedRecord record) throws IOException {
        DatumWriter<IndexedRecord> writer = record instanceof SpecificRecord
                ? new SpecificDatumWriter<>(record.getSchema())
                : new GenericDatumWriter<>(record.getSchema());
        var out = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        writer.write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
