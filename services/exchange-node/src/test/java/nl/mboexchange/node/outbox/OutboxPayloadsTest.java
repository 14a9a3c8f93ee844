package nl.mboexchange.node.outbox;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

class OutboxPayloadsTest {

    @Test
    void a_record_kept_in_the_outbox_is_published_as_the_same_avro_bytes() throws IOException {
        EnrolmentUpdate update = EnrolmentUpdate.newBuilder()
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

        byte[] written = OutboxPayloads.write(update);
        GenericRecord read = OutboxPayloads.read("nl.mboexchange.sis.EnrolmentUpdate", written);

        assertThat(read.get("change")).hasToString("RESULT_CORRECTED");
        assertThat(read.getSchema()).isEqualTo(EnrolmentUpdate.getClassSchema());
        assertThat(binary(read, new GenericDatumWriter<>(read.getSchema())))
                .isEqualTo(binary(update, new SpecificDatumWriter<>(EnrolmentUpdate.class)));
    }

    private static <T> byte[] binary(T record, DatumWriter<T> writer) throws IOException {
        var out = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        writer.write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
