package nl.mboexchange.node.console;

import static nl.mboexchange.node.enrolment.EnrolmentStatus.ACCEPTED;
import static nl.mboexchange.node.enrolment.EnrolmentStatus.COMPLETED;
import static nl.mboexchange.node.enrolment.EnrolmentStatus.REQUESTED;
import static nl.mboexchange.node.enrolment.EnrolmentStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.timeline.EventDirection;
import nl.mboexchange.node.enrolment.timeline.TimelineEntry;
import org.junit.jupiter.api.Test;

class CounterpartStatusTest {

    private static final EnrolmentId ENROLMENT = EnrolmentId.random();
    private static final Instant T0 = Instant.parse("2026-06-20T10:00:00Z");

    @Test
    void nothing_is_known_of_a_school_that_has_sent_nothing_yet() {
        CounterpartStatus status = CounterpartStatus.of(List.of(sent("RegistrationRequested", 0)), Set.of());

        assertThat(status.reported()).isNull();
        assertThat(status.behind(REQUESTED)).isTrue();
    }

    @Test
    void the_home_school_sees_the_host_accepted_from_the_acceptance_and_the_results() {
        List<TimelineEntry> timeline = List.of(
                sent("RegistrationRequested", 0),
                received("RegistrationAccepted", 1),
                received("CourseResultRecorded", 2),
                sent("ResultAcknowledged", 3));

        CounterpartStatus status = CounterpartStatus.of(timeline, Set.of());

        assertThat(status.reported()).isEqualTo(ACCEPTED);
        assertThat(status.reportedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(status.behind(COMPLETED))
                .as("until the host has our final receipt")
                .isTrue();
        assertThat(status.behind(ACCEPTED)).isFalse();
    }

    @Test
    void the_host_sees_the_home_school_completed_from_the_receipt_of_a_final_result() {
        TimelineEntry provisionalReceipt = received("ResultAcknowledged", 3);
        TimelineEntry finalReceipt = received("ResultAcknowledged", 5);
        List<TimelineEntry> timeline = List.of(
                received("RegistrationRequested", 0),
                sent("RegistrationAccepted", 1),
                sent("CourseResultRecorded", 2),
                provisionalReceipt,
                sent("CourseResultRecorded", 4),
                finalReceipt);

        assertThat(CounterpartStatus.of(timeline.subList(0, 4), Set.of()).reported())
                .isEqualTo(ACCEPTED);
        assertThat(CounterpartStatus.of(timeline, Set.of(finalReceipt.eventId()))
                        .reported())
                .isEqualTo(COMPLETED);
    }

    @Test
    void a_refused_event_tells_nothing_about_the_other_school() {
        TimelineEntry refused = new TimelineEntry(
                ENROLMENT,
                UUID.randomUUID(),
                EventDirection.IN,
                "RegistrationWithdrawn",
                T0.plusSeconds(2),
                T0.plusSeconds(2),
                "withdrawn",
                "TransitionNotAllowed",
                "{}",
                null);

        CounterpartStatus status =
                CounterpartStatus.of(List.of(received("RegistrationRequested", 0), refused), Set.of());

        assertThat(status.reported()).isEqualTo(REQUESTED).isNotEqualTo(WITHDRAWN);
    }

    private static TimelineEntry sent(String type, int second) {
        return entry(EventDirection.OUT, type, second);
    }

    private static TimelineEntry received(String type, int second) {
        return entry(EventDirection.IN, type, second);
    }

    private static TimelineEntry entry(EventDirection direction, String type, int second) {
        Instant at = T0.plusSeconds(second);
        return new TimelineEntry(ENROLMENT, UUID.randomUUID(), direction, type, at, at, type, null, "{}", null);
    }
}
