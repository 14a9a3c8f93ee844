package nl.mboexchange.node.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import nl.mboexchange.node.enrolment.ExchangeEvent;
import nl.mboexchange.node.messaging.ReceivedStreams.HeldRecord;
import nl.mboexchange.node.messaging.ReceivedStreams.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Puts received events in the order their senders gave them, inside the transaction that applies them. Each event
 * carries its position in its enrolment's stream from its sender; per stream this node knows how far it has applied
 * without a gap. An event at the next position is applied, and with it every held event that follows on without a
 * gap; an event further on is held ({@code exchange_held_event}) instead of refused, until the missing ones arrive
 * (by redelivery, or by reconciliation); an event at or before the position reached goes on to the id check, which
 * drops a duplicate and lets an operator's replay of a refused event through. An event without a position, from a
 * sender that does not number its events, is applied as it comes.
 */
final class InOrder {

    private final ReceivedStreams streams;
    private final Function<HeldRecord, ExchangeEvent> decode;
    private final Clock clock;
    private final MeterRegistry meters;

    /**
     * @param decode the event in a held record, decoded and checked again as when it arrived
     */
    InOrder(ReceivedStreams streams, Function<HeldRecord, ExchangeEvent> decode, Clock clock, MeterRegistry meters) {
        this.streams = streams;
        this.decode = decode;
        this.clock = clock;
        this.meters = meters;
    }

    /** A received event with its position, or {@code null} for none, and the record it came in. */
    record Positioned(ExchangeEvent event, Long position, ConsumerRecord<String, byte[]> record) {}

    /**
     * What to apply now, in order.
     *
     * @param toApply the events to apply, in order: received ones and released held ones
     * @param placeOf for each received event, its index in {@code toApply}, or -1 when it is held
     */
    record Arrangement(List<ExchangeEvent> toApply, int[] placeOf) {

        boolean isHeld(int received) {
            return placeOf[received] < 0;
        }
    }

    /** Arranges a batch of received events; joins the caller's transaction, which must also apply them. */
    Arrangement arrange(List<Positioned> received) {
        List<ExchangeEvent> toApply = new ArrayList<>(received.size());
        int[] placeOf = new int[received.size()];
        Arrays.fill(placeOf, -1);
        List<UUID> numbered = received.stream()
                .filter(one -> one.position() != null)
                .map(one -> one.event().enrolmentId().value())
                .distinct()
                .toList();
        if (numbered.isEmpty()) {
            received.forEach(one -> toApply.add(one.event()));
            Arrays.setAll(placeOf, i -> i);
            return new Arrangement(toApply, placeOf);
        }
        ReceivedStreams.Standing standing = streams.standingOf(numbered);
        Map<Stream, Long> upTo = standing.receivedUpTo();
        Map<Stream, TreeMap<Long, Object>> waiting = new HashMap<>();
        for (HeldRecord held : standing.held()) {
            waiting.computeIfAbsent(held.stream(), s -> new TreeMap<>()).put(held.position(), held);
        }
        Map<Stream, Long> reached = new HashMap<>();
        List<HeldRecord> released = new ArrayList<>();
        for (int i = 0; i < received.size(); i++) {
            Positioned one = received.get(i);
            if (one.position() == null) {
                placeOf[i] = add(toApply, one.event());
                continue;
            }
            Stream stream = streamOf(one.event());
            long next = reached.getOrDefault(stream, upTo.getOrDefault(stream, 0L)) + 1;
            if (one.position() > next) {
                waiting.computeIfAbsent(stream, s -> new TreeMap<>()).putIfAbsent(one.position(), i);
                continue;
            }
            placeOf[i] = add(toApply, one.event());
            if (one.position() == next) {
                long position = next;
                TreeMap<Long, Object> after = waiting.getOrDefault(stream, new TreeMap<>());
                for (Object follower = after.remove(position + 1); follower != null; ) {
                    position++;
                    if (follower instanceof Integer index) {
                        placeOf[index] = add(toApply, received.get(index).event());
                    } else {
                        HeldRecord held = (HeldRecord) follower;
                        add(toApply, decode.apply(held));
                        released.add(held);
                    }
                    follower = after.remove(position + 1);
                }
                reached.put(stream, position);
            }
        }
        Instant now = clock.instant();
        List<HeldRecord> newlyHeld = new ArrayList<>();
        for (int i = 0; i < received.size(); i++) {
            if (placeOf[i] < 0) {
                Positioned one = received.get(i);
                Stream stream = streamOf(one.event());
                if (one.position() <= reached.getOrDefault(stream, upTo.getOrDefault(stream, 0L))) {
                    // A second copy of an event this batch held and then applied: the id check drops it.
                    placeOf[i] = add(toApply, one.event());
                    continue;
                }
                ConsumerRecord<String, byte[]> record = one.record();
                newlyHeld.add(new HeldRecord(
                        stream,
                        one.position(),
                        one.event().eventId(),
                        one.event().type(),
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        record.value(),
                        now));
            }
        }
        streams.hold(newlyHeld);
        streams.release(released);
        streams.advance(reached);
        count("held", newlyHeld.size());
        count("released", released.size());
        return new Arrangement(toApply, placeOf);
    }

    private void count(String what, int how) {
        if (how > 0) {
            meters.counter("mbo.exchange.events.ordering", "what", what).increment(how);
        }
    }

    private static Stream streamOf(ExchangeEvent event) {
        return new Stream(event.enrolmentId().value(), event.sender().value());
    }

    private static int add(List<ExchangeEvent> toApply, ExchangeEvent event) {
        toApply.add(event);
        return toApply.size() - 1;
    }
}
