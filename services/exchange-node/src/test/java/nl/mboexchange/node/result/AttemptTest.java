package nl.mboexchange.node.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.mboexchange.node.shared.InvalidValue;
import org.junit.jupiter.api.Test;

class AttemptTest {

    private static final Instant NOW = Instant.parse("2026-01-20T12:00:00Z");
    private static final LocalDate ASSESSED_ON = LocalDate.parse("2026-01-20");

    @Test
    void the_latest_version_is_the_result_that_counts() {
        Attempt attempt = Attempt.first(assessment(1, "6.0", null)).with(assessment(2, "6.5", "recounted"));

        assertThat(attempt.latestVersion()).isEqualTo(2);
        assertThat(((Assessment) attempt.latest()).grade()).isEqualTo(NumericGrade.of("6.5"));
        assertThat(attempt.versions()).hasSize(2);
    }

    @Test
    void refuses_a_version_that_is_not_the_next_one() {
        Attempt attempt = Attempt.first(assessment(1, "6.0", null));

        assertThatThrownBy(() -> attempt.with(assessment(3, "6.5", "skipped one")))
                .isInstanceOf(StaleResultVersion.class)
                .hasMessageContaining("is at version 1");
    }

    @Test
    void a_correction_needs_a_reason_and_a_first_version_has_none() {
        assertThatThrownBy(() -> assessment(2, "6.5", null))
                .isInstanceOf(InvalidValue.class)
                .extracting("field")
                .isEqualTo("correctionReason");
        assertThatThrownBy(() -> assessment(1, "6.5", "nothing to correct"))
                .isInstanceOf(InvalidValue.class)
                .extracting("field")
                .isEqualTo("correctionReason");
    }

    @Test
    void a_revoked_attempt_takes_no_further_versions() {
        Attempt revoked = Attempt.first(assessment(1, "6.0", null))
                .with(new Revocation(1, 2, "wrong student", UUID.randomUUID(), NOW, null));

        assertThat(revoked.isRevoked()).isTrue();
        assertThatThrownBy(() -> revoked.with(assessment(3, "7.0", "after all")))
                .isInstanceOf(AttemptRevoked.class);
    }

    @Test
    void a_revocation_always_follows_a_result() {
        assertThatThrownBy(() -> new Revocation(1, 1, "nothing to revoke", UUID.randomUUID(), NOW, null))
                .isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new Attempt(1, List.of())).isInstanceOf(InvalidValue.class);
    }

    @Test
    void a_version_is_acknowledged_once() {
        Receipt receipt = new Receipt(UUID.randomUUID(), NOW);
        Attempt acknowledged = Attempt.first(assessment(1, "6.0", null)).acknowledged(1, receipt);

        assertThat(acknowledged.version(1).receipt()).isEqualTo(receipt);
        assertThatThrownBy(() -> acknowledged.acknowledged(1, new Receipt(UUID.randomUUID(), NOW)))
                .isInstanceOf(AlreadyAcknowledged.class);
        assertThatThrownBy(() -> acknowledged.acknowledged(2, receipt)).isInstanceOf(ResultVersionNotFound.class);
    }

    private static Assessment assessment(int version, String grade, String reason) {
        return new Assessment(
                1, version, NumericGrade.of(grade), false, ASSESSED_ON, reason, UUID.randomUUID(), NOW, null);
    }
}
