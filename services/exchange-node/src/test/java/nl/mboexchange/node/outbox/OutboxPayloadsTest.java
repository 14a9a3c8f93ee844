package nl.mboexchange.node.outbox;

import static nl.mboexchange.node.outbox.OutboxTestRecords.binary;
import static nl.mboexchange.node.outbox.OutboxTestRecords.correctedResult;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import nl.mboexchange.sis.EnrolmentUpdate;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class OutboxPayloadsTest {

    @Test
    void a_record_kept_in_the_outbox_is_published_as_the_same_avro_bytes() throws IOException {
        EnrolmentUpdate update = correctedResult();

        byte[] written = OutboxPayloads.write(update);
        GenericRecord read = OutboxPayloads.read("nl.mboexchange.sis.EnrolmentUpdate", written);

        assertThat(read.get("change")).hasToString("RESULT_CORRECTED");
        assertThat(read.getSchema()).isEqualTo(EnrolmentUpdate.getClassSchema());
        assertThat(binary(read)).isEqualTo(binary(update));
    }
}
