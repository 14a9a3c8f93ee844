package nl.mboexchange.node.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.mboexchange.node.shared.InvalidValue;
import org.junit.jupiter.api.Test;

class ResultVersionBoundsTest {

    private static final Instant NOW = Instant.parse("2026-01-20T12:00:00Z");

    @Test
    void an_assessment_keeps_a_plausible_day_as_it_is() {
        assertThat(assessedOn(LocalDate.parse("2199-12-31")).assessedOn()).isEqualTo("2199-12-31");
    }

    @Test
    void an_assessment_refuses_a_day_outside_the_plausible_dates() {
        assertRefused(() -> assessedOn(LocalDate.parse("1899-12-31")), "assessedOn");
        assertRefused(() -> assessedOn(LocalDate.parse("+5874898-01-01")), "assessedOn");
    }

    @Test
    void an_assessment_and_a_revocation_refuse_an_implausible_moment() {
        Instant farFuture = Instant.ofEpochMilli(Long.MAX_VALUE);

        assertRefused(
                () -> new Assessment(
                        1,
                        1,
                        NumericGrade.of("7.0"),
                        true,
                        LocalDate.parse("2026-01-20"),
                        null,
                        UUID.randomUUID(),
                        farFuture,
                        null),
                "occurredAt");
        assertRefused(() -> new Revocation(1, 2, "wrong student", UUID.randomUUID(), farFuture, null), "occurredAt");
    }

    @Test
    void a_grade_that_is_refused_is_not_repeated_in_the_message() {
        assertThatThrownBy(() -> Grade.parse("7,5 (Sanne)")).hasMessageNotContaining("Sanne");
        assertThatThrownBy(() -> Grade.parse("11.0")).hasMessageNotContaining("11");
        assertThatThrownBy(() -> Grade.parse("1E+999999999"))
                .isInstanceOf(InvalidGrade.class)
                .hasMessageNotContaining("999");
    }

    private static Assessment assessedOn(LocalDate day) {
        return new Assessment(1, 1, NumericGrade.of("7.0"), true, day, null, UUID.randomUUID(), NOW, null);
    }

    private static void assertRefused(Runnable construction, String field) {
        assertThatThrownBy(construction::run)
                .isInstanceOfSatisfying(
                        InvalidValue.class,
                        refusal -> assertThat(refusal.field()).isEqualTo(field));
    }
}
