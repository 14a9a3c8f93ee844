package nl.mboexchange.node.sis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import nl.mboexchange.sis.RecordResult;
import org.junit.jupiter.api.Test;

class SisCommandFingerprintTest {

    private final RecordResult sent = SisCommandFixture.recordResult(UUID.randomUUID(), 1, "7.5", true);

    @Test
    void a_retry_with_a_new_envelope_is_the_same_command() {
        RecordResult retry = RecordResult.newBuilder(sent)
                .setIssuedAt(Instant.parse("2030-01-01T00:00:00Z"))
                .setIssuedBy("night-batch")
                .build();

        assertThat(SisCommandHandler.fingerprint(retry)).isEqualTo(SisCommandHandler.fingerprint(sent));
        // What earlier releases kept tells the two apart, which is why a retry was once taken for a reused id.
        assertThat(SisCommandHandler.envelopeFingerprint(retry))
                .isNotEqualTo(SisCommandHandler.envelopeFingerprint(sent));
    }

    @Test
    void another_business_field_or_command_type_is_another_command() {
        RecordResult otherGrade = RecordResult.newBuilder(sent).setGrade("7.6").build();
        RecordResult otherEnrolment =
                RecordResult.newBuilder(sent).setEnrolmentId(UUID.randomUUID()).build();
        var otherType = SisCommandFixture.acceptEnrolment(sent.getEnrolmentId());
        otherType.setCommandId(sent.getCommandId());

        assertThat(SisCommandHandler.fingerprint(otherGrade)).isNotEqualTo(SisCommandHandler.fingerprint(sent));
        assertThat(SisCommandHandler.fingerprint(otherEnrolment)).isNotEqualTo(SisCommandHandler.fingerprint(sent));
        assertThat(SisCommandHandler.fingerprint(otherType)).isNotEqualTo(SisCommandHandler.fingerprint(sent));
    }
}
