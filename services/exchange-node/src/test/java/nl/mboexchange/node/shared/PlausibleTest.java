package nl.mboexchange.node.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PlausibleTest {

    @Test
    void accepts_the_first_and_the_last_date_unchanged() {
        assertThat(Plausible.date(LocalDate.parse("1900-01-01"), "startDate")).isEqualTo("1900-01-01");
        assertThat(Plausible.date(LocalDate.parse("2199-12-31"), "startDate")).isEqualTo("2199-12-31");
    }

    @Test
    void refuses_a_date_just_outside_the_bounds_naming_the_field() {
        assertRefused(() -> Plausible.date(LocalDate.parse("1899-12-31"), "dateOfBirth"), "dateOfBirth");
        assertRefused(() -> Plausible.date(LocalDate.parse("2200-01-01"), "endDate"), "endDate");
    }

    @Test
    void refuses_the_extreme_dates_a_parser_can_produce() {
        assertRefused(() -> Plausible.date(LocalDate.MIN, "dateOfBirth"), "dateOfBirth");
        assertRefused(() -> Plausible.date(LocalDate.MAX, "endDate"), "endDate");
        assertRefused(() -> Plausible.date(LocalDate.parse("-5000000-01-01"), "dateOfBirth"), "dateOfBirth");
    }

    @Test
    void refuses_a_missing_date() {
        assertRefused(() -> Plausible.date(null, "assessedOn"), "assessedOn");
    }

    @Test
    void accepts_the_first_and_the_last_instant_unchanged() {
        Instant first = Instant.parse("2000-01-01T00:00:00Z");
        Instant last = Instant.parse("2199-12-31T23:59:59.999Z");

        assertThat(Plausible.instant(first, "occurredAt")).isEqualTo(first);
        assertThat(Plausible.instant(last, "occurredAt")).isEqualTo(last);
    }

    @Test
    void refuses_an_instant_outside_the_bounds_naming_the_field() {
        assertRefused(() -> Plausible.instant(Instant.parse("1999-12-31T23:59:59.999Z"), "occurredAt"), "occurredAt");
        assertRefused(() -> Plausible.instant(Instant.parse("2200-01-01T00:00:00Z"), "occurredAt"), "occurredAt");
        assertRefused(() -> Plausible.instant(Instant.ofEpochMilli(Long.MIN_VALUE), "occurredAt"), "occurredAt");
        assertRefused(() -> Plausible.instant(Instant.ofEpochMilli(Long.MAX_VALUE), "occurredAt"), "occurredAt");
        assertRefused(() -> Plausible.instant(null, "occurredAt"), "occurredAt");
    }

    @Test
    void the_message_states_the_rule_and_not_the_value() {
        assertThatThrownBy(() -> Plausible.date(LocalDate.parse("1850-03-17"), "dateOfBirth"))
                .hasMessage("dateOfBirth must be between 1900-01-01 and 2199-12-31")
                .hasMessageNotContaining("1850");
    }

    private static void assertRefused(Runnable check, String field) {
        assertThatThrownBy(check::run)
                .isInstanceOfSatisfying(
                        InvalidValue.class,
                        refusal -> assertThat(refusal.field()).isEqualTo(field));
    }
}
