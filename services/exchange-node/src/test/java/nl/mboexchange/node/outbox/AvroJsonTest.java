package nl.mboexchange.node.outbox;

import static nl.mboexchange.node.outbox.OutboxTestRecords.binary;
import static nl.mboexchange.node.outbox.OutboxTestRecords.correctedResult;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import nl.mboexchange.sis.EnrolmentUpdate;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

class AvroJsonTest {

    @Test
    void a_record_an_older_node_kept_as_json_is_published_as_the_same_avro_bytes() throws IOException {
        EnrolmentUpdate update = correctedResult();
        String written = asOlderNodesWroteIt(update);

        GenericRecord read = new AvroJson().read("nl.mboexchange.sis.EnrolmentUpdate", written);

        assertThat(written).contains("\"RESULT_CORRECTED\"").contains("Marked again");
        assertThat(read.getSchema()).isEqualTo(EnrolmentUpdate.getClassSchema());
        assertThat(binary(read)).isEqualTo(binary(update));
    }

    /** Avro's JSON encoding of the generated record, as the outbox kept it before migration V9. */
    private static String asOlderNodesWroteIt(EnrolmentUpdate update) throws IOException {
        var out = new ByteArrayOutputStream();
        JsonEncoder encoder = EncoderFactory.get().jsonEncoder(EnrolmentUpdate.getClassSchema(), out);
        new SpecificDatumWriter<>(EnrolmentUpdate.class).write(update, encoder);
        encoder.flush();
        return out.toString(StandardCharsets.UTF_8);
    }
}
