package nl.mboexchange.node.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.EventHeader;
import nl.mboexchange.node.enrolment.ExchangeEvent;
import nl.mboexchange.node.enrolment.RegistrationWithdrawn;
import nl.mboexchange.node.messaging.ReceivedStreams.HeldRecord;
import nl.mboexchange.node.messaging.ReceivedStreams.Stream;
import nl.mboexchange.node.school.SchoolCode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class InOrderTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final SchoolCode HOME = SchoolCode.of("25LX");
    private static final SchoolCode HOST = SchoolCode.of("30GH");

    private final UUID enrolment = UUID.randomUUID();
    private final Stream stream = new Stream(enrolment, HOME.value());
    private final Streams streams = new Streams();
    private final Map<UUID, ExchangeEvent> decodable = new HashMap<>();
    private final InOrder inOrder = new InOrder(
            streams,
            held -> decodable.get(held.eventId()),
            Clock.fixed(NOW, ZoneOffset.UTC),
            new SimpleMeterRegistry());

    @Test
    void events_in_their_order_are_applied_as_they_come_and_move_the_stream_on() {
        var first = numbered(1);
        var second = numbered(2);

        var arrangement = inOrder.arrange(List.of(first, second));

        assertThat(arrangement.toApply()).containsExactly(first.event(), second.event());
        assertThat(streams.upTo).containsEntry(stream, 2L);
        assertThat(streams.held).isEmpty();
    }

    @Test
    void events_of_one_poll_in_reverse_order_are_applied_in_their_senders_order() {
        var first = numbered(1);
        var second = numbered(2);
        var third = numbered(3);

        var arrangement = inOrder.arrange(List.of(third, second, first));

        assertThat(arrangement.toApply()).containsExactly(first.event(), second.event(), third.event());
        assertThat(arrangement.placeOf()).containsExactly(2, 1, 0);
        assertThat(streams.held).isEmpty();
        assertThat(streams.upTo).containsEntry(stream, 3L);
    }

    @Test
    void an_event_after_a_gap_is_held_and_released_when_the_gap_closes_in_a_later_poll() {
        var first = numbered(1);
        var third = numbered(3);
        var second = numbered(2);

        var early = inOrder.arrange(List.of(first, third));
        assertThat(early.toApply()).containsExactly(first.event());
        assertThat(early.isHeld(1)).isTrue();
        assertThat(streams.held).extracting(HeldRecord::position).containsExactly(3L);
        assertThat(streams.upTo).containsEntry(stream, 1L);

        decodable.put(third.event().eventId(), third.event());
        var late = inOrder.arrange(List.of(second));

        assertThat(late.toApply()).containsExactly(second.event(), third.event());
        assertThat(streams.held).isEmpty();
        assertThat(streams.upTo).containsEntry(stream, 3L);
    }

    @Test
    void an_event_at_or_before_the_position_reached_goes_on_to_the_id_check() {
        streams.upTo.put(stream, 2L);
        var again = numbered(2);

        var arrangement = inOrder.arrange(List.of(again));

        assertThat(arrangement.toApply()).containsExactly(again.event());
        assertThat(streams.upTo).containsEntry(stream, 2L);
    }

    @Test
    void a_second_copy_of_a_held_event_is_held_once_and_goes_to_the_id_check_once_applied() {
        var third = numbered(3);
        var thirdAgain = new InOrder.Positioned(third.event(), 3L, third.record());
        var second = numbered(2);
        streams.upTo.put(stream, 1L);

        var arrangement = inOrder.arrange(List.of(third, thirdAgain, second));

        assertThat(arrangement.toApply()).containsExactly(second.event(), third.event(), third.event());
        assertThat(streams.held).isEmpty();
        assertThat(streams.upTo).containsEntry(stream, 3L);
    }

    @Test
    void an_event_without_a_position_is_applied_as_it_comes() {
        var unnumbered = new InOrder.Positioned(event(), null, record());

        var arrangement = inOrder.arrange(List.of(unnumbered));

        assertThat(arrangement.toApply()).containsExactly(unnumbered.event());
        assertThat(streams.upTo).isEmpty();
    }

    private InOrder.Positioned numbered(long position) {
        return new InOrder.Positioned(event(), position, record());
    }

    private ExchangeEvent event() {
        return new RegistrationWithdrawn(
                new EventHeader(UUID.randomUUID(), NOW, new EnrolmentId(enrolment), HOME, HOST), "changed programme");
    }

    private ConsumerRecord<String, byte[]> record() {
        return new ConsumerRecord<>("it.exchange.25LX.30GH", 0, 0L, enrolment.toString(), new byte[] {0});
    }

    /** The streams' tables, in memory. */
    private static final class Streams extends ReceivedStreams {
        final Map<Stream, Long> upTo = new HashMap<>();
        final List<HeldRecord> held = new ArrayList<>();

        Streams() {
            super(null);
        }

        @Override
        Standing standingOf(Collection<UUID> enrolmentIds) {
            return new Standing(new HashMap<>(upTo), List.copyOf(held));
        }

        @Override
        void advance(Map<Stream, Long> positions) {
            positions.forEach((stream, position) -> upTo.merge(stream, position, Math::max));
        }

        @Override
        void hold(List<HeldRecord> records) {
            for (HeldRecord record : records) {
                if (held.stream()
                        .noneMatch(h -> h.stream().equals(record.stream()) && h.position() == record.position())) {
                    held.add(record);
                }
            }
        }

        @Override
        void release(List<HeldRecord> records) {
            held.removeAll(records);
        }
    }
}
