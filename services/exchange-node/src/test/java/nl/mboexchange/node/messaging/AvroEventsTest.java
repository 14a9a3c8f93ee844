package nl.mboexchange.node.messaging;

import static nl.mboexchange.node.enrolment.EnrolmentFixture.ASSESSED_ON;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.SEVEN_AND_A_HALF;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.fromHome;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.fromHost;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.registrationRequested;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import nl.mboexchange.node.enrolment.CourseResultRecorded;
import nl.mboexchange.node.enrolment.CourseResultRevoked;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.ErasureConfirmed;
import nl.mboexchange.node.enrolment.ErasureRequested;
import nl.mboexchange.node.enrolment.ExchangeEvent;
import nl.mboexchange.node.enrolment.RegistrationAccepted;
import nl.mboexchange.node.enrolment.RegistrationRejected;
import nl.mboexchange.node.enrolment.RegistrationWithdrawn;
import nl.mboexchange.node.enrolment.Rejection;
import nl.mboexchange.node.enrolment.RejectionReason;
import nl.mboexchange.node.enrolment.ResultAcknowledged;
import nl.mboexchange.node.result.PassFailGrade;
import nl.mboexchange.node.result.ResultScale;
import nl.mboexchange.serde.AvroClassTrust;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class AvroEventsTest {

    static {
        // As the node's deserializer does: Avro loads only the generated classes of trusted packages.
        AvroClassTrust.trustPackages(List.of("nl.mboexchange.exchange"));
    }

    private final EnrolmentId id = EnrolmentId.random();

    /** At least one of every event type, with the optional fields both set and left out. */
    private final List<ExchangeEvent> everyType = List.of(
            registrationRequested(id, ResultScale.PASS_FAIL),
            registrationRequested(id, ResultScale.NUMERIC_1_TO_10),
            new RegistrationAccepted(fromHost(id), "room 2.14"),
            new RegistrationAccepted(fromHost(id), null),
            new RegistrationRejected(fromHost(id), new Rejection(RejectionReason.COURSE_FULL, "full")),
            new RegistrationWithdrawn(fromHome(id), "moved"),
            new RegistrationWithdrawn(fromHome(id), null),
            new CourseResultRecorded(fromHost(id), 1, 1, SEVEN_AND_A_HALF, false, ASSESSED_ON, null),
            new CourseResultRecorded(fromHost(id), 2, 3, PassFailGrade.FAILED, true, ASSESSED_ON, "recounted"),
            new CourseResultRevoked(fromHost(id), 1, 2, "wrong student"),
            new ResultAcknowledged(fromHome(id), UUID.randomUUID(), 1, 2),
            new ErasureRequested(fromHome(id)),
            new ErasureConfirmed(fromHost(id), UUID.randomUUID()));

    @Test
    void the_examples_cover_every_event_type_there_is() {
        assertThat(everyType.stream().map(Object::getClass).distinct())
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(ExchangeEvent.class.getPermittedSubclasses()));
    }

    @Test
    void every_event_type_goes_to_avro_bytes_and_comes_back_as_it_was() throws IOException {
        for (ExchangeEvent event : everyType) {
            SpecificRecord record = AvroEvents.toAvro(event);

            assertThat(record.getSchema().getName()).isEqualTo(event.type());
            assertThat(AvroEvents.fromAvro(throughTheWire(record)))
                    .as(event.type())
                    .isEqualTo(event);
        }
    }

    /** The record as a receiver reads it: written in Avro's binary encoding and read back by its generated class. */
    @SuppressWarnings("unchecked")
    private static SpecificRecord throughTheWire(SpecificRecord record) throws IOException {
        var out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>((Class<SpecificRecord>) record.getClass()).write(record, encoder);
        encoder.flush();
        return new SpecificDatumReader<>((Class<SpecificRecord>) record.getClass())
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
    }
}
