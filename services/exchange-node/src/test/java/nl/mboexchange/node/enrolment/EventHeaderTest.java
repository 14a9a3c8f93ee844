package nl.mboexchange.node.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import nl.mboexchange.node.school.SchoolCode;
import nl.mboexchange.node.shared.InvalidValue;
import org.junit.jupiter.api.Test;

class EventHeaderTest {

    private static final SchoolCode HOME = SchoolCode.of("25LX");
    private static final SchoolCode HOST = SchoolCode.of("30GH");

    @Test
    void keeps_occurred_at_to_the_millisecond_as_on_the_wire() {
        EventHeader header = header(Instant.parse("2026-01-20T10:15:30.123456Z"));

        assertThat(header.occurredAt()).isEqualTo("2026-01-20T10:15:30.123Z");
    }

    @Test
    void accepts_the_last_plausible_millisecond() {
        assertThat(header(Instant.parse("2199-12-31T23:59:59.999Z")).occurredAt())
                .isEqualTo("2199-12-31T23:59:59.999Z");
    }

    @Test
    void refuses_an_event_from_before_2000_or_after_2199() {
        assertRefused(Instant.parse("1999-12-31T23:59:59.999Z"));
        assertRefused(Instant.parse("2200-01-01T00:00:00Z"));
    }

    @Test
    void refuses_the_extreme_instants_of_a_timestamp_in_milliseconds() {
        assertRefused(Instant.ofEpochMilli(Long.MAX_VALUE));
        assertRefused(Instant.ofEpochMilli(Long.MIN_VALUE));
    }

    private static void assertRefused(Instant occurredAt) {
        assertThatThrownBy(() -> header(occurredAt))
                .isInstanceOfSatisfying(
                        InvalidValue.class,
                        refusal -> assertThat(refusal.field()).isEqualTo("occurredAt"));
    }

    private static EventHeader header(Instant occurredAt) {
        return new EventHeader(UUID.randomUUID(), occurredAt, EnrolmentId.random(), HOST, HOME);
    }
}
