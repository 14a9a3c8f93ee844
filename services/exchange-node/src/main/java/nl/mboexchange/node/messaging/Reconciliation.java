package nl.mboexchange.node.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.mboexchange.exchange.ReceivedPosition;
import nl.mboexchange.exchange.ReconciliationRequested;
import nl.mboexchange.node.kafka.ExchangeTopics;
import nl.mboexchange.node.outbox.OutboxRecord;
import nl.mboexchange.node.outbox.OutboxRepository;
import nl.mboexchange.node.outbox.OutboxSignal;
import nl.mboexchange.node.school.SchoolCode;
import nl.mboexchange.node.school.SchoolNetwork;
import nl.mboexchange.node.streams.EnrolmentStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconciliation between two schools, both ways. Asking: this node tells a partner, per enrolment they share, the
 * position up to which it has received the partner's events without a gap ({@code ReconciliationRequested} on the
 * channel to the partner, keyed by this school's code). Answering: for such a request, this node puts back in its
 * outbox, from the events it keeps ({@code exchange_sent_event}), every event on the channel to the asking school that
 * comes after the position given, and every event of an enrolment the request does not list (the asking node may have
 * been restored from a backup that predates it), in order and as they were sent. The receiving end applies them in
 * order and drops the ones it had by their event ids.
 *
 * <p>An event still waiting in the outbox is not put in twice. What the asking node itself sent is not recovered this
 * way: each school sends again only its own events. Events sent before the events were numbered, and those of
 * enrolments whose personal data retention removed, are not kept and cannot be sent again.
 */
class Reconciliation implements EnrolmentStreams {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private static final String SHARED_WITH = """
            select e.id, coalesce(s.received_up_to, 0)
            from enrolment e
            left join exchange_stream_in s on s.enrolment_id = e.id and s.sender = ?
            where (e.role = 'HOME' and e.host_school = ?) or (e.role = 'HOST' and e.home_school = ?)
            order by e.id
            """;
    private static final String PARTNERS = """
            select distinct case when role = 'HOME' then host_school else home_school end from enrolment
            """;
    // In the order the events were sent, each enrolment's by position: the outbox keeps the order of its ids.
    private static final String SEND_AGAIN = """
            insert into outbox_event (event_id, topic, message_key, event_type, record, payload_schema, created_at)
            select s.event_id, s.topic, s.enrolment_id::text, s.event_type, s.record, s.payload_schema, ?
            from exchange_sent_event s
            left join unnest(?::uuid[], ?::bigint[]) as r (enrolment_id, received_up_to)
                   on r.enrolment_id = s.enrolment_id
            where s.topic = ? and s.position > coalesce(r.received_up_to, 0) and s.record is not null
            order by s.sent_at, s.enrolment_id, s.position
            on conflict (event_id) do nothing
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final OutboxRepository outbox;
    private final OutboxSignal signal;
    private final ReceivedStreams streams;
    private final ExchangeTopics topics;
    private final SchoolCode self;
    private final SchoolNetwork network;
    private final Clock clock;
    private final MeterRegistry meters;

    Reconciliation(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            OutboxRepository outbox,
            OutboxSignal signal,
            ReceivedStreams streams,
            ExchangeTopics topics,
            SchoolCode self,
            SchoolNetwork network,
            Clock clock,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outbox = outbox;
        this.signal = signal;
        this.streams = streams;
        this.topics = topics;
        this.self = self;
        this.network = network;
        this.clock = clock;
        this.meters = meters;
        Gauge.builder("mbo.exchange.held", streams, ReceivedStreams::countHeld)
                .description("Received events held because they arrived before one of their predecessors; each is"
                        + " applied as soon as they have arrived")
                .baseUnit("events")
                .register(meters);
    }

    @Override
    public List<HeldEvent> held(int limit) {
        List<ReceivedStreams.HeldRecord> held = streams.held(limit);
        Map<ReceivedStreams.Stream, Long> upTo = held.isEmpty()
                ? Map.of()
                : streams.receivedUpToWithoutLock(
                        held.stream().map(h -> h.stream().enrolmentId()).toList());
        return held.stream()
                .map(h -> new HeldEvent(
                        h.stream().enrolmentId(),
                        h.stream().sender(),
                        h.position(),
                        upTo.getOrDefault(h.stream(), 0L),
                        h.eventId(),
                        h.eventType(),
                        h.topic(),
                        h.partition(),
                        h.offset(),
                        h.heldAt()))
                .toList();
    }

    @Override
    public List<Requested> reconcile(SchoolCode partner) {
        List<SchoolCode> partners = partner != null
                ? List.of(partner)
                : jdbc.queryForList(PARTNERS, String.class).stream()
                        .map(code -> SchoolCode.of(code.trim()))
                        .filter(network::isMember)
                        .toList();
        List<Requested> sent = new ArrayList<>(partners.size());
        for (SchoolCode school : partners) {
            sent.add(ask(school));
        }
        return sent;
    }

    /** Sends one school the request: what this node has received from it, per enrolment they share. */
    private Requested ask(SchoolCode partner) {
        List<ReceivedPosition> positions = jdbc.query(
                SHARED_WITH,
                (rs, row) -> new ReceivedPosition(rs.getObject(1, UUID.class), rs.getLong(2)),
                partner.value(),
                partner.value(),
                partner.value());
        UUID requestId = UUID.randomUUID();
        ReconciliationRequested request = ReconciliationRequested.newBuilder()
                .setEventId(requestId)
                .setOccurredAt(clock.instant())
                .setSenderSchool(self.value())
                .setRecipientSchool(partner.value())
                .setEnrolments(positions)
                .build();
        transactions.executeWithoutResult(status -> outbox.enqueue(
                List.of(new OutboxRecord(requestId, topics.channel(self, partner), self.value(), request))));
        meters.counter("mbo.exchange.reconciliation.requests", "direction", "sent")
                .increment();
        log.info(
                "Asked {} to send again what this node misses of {} enrolments (request {})",
                partner,
                positions.size(),
                requestId);
        return new Requested(partner.value(), requestId, positions.size());
    }

    /**
     * Answers a partner's request: puts what it misses back in the outbox, in one transaction.
     *
     * @return how many events are to be sent again
     */
    int answer(SchoolCode asking, ReconciliationRequested request) {
        Map<UUID, Long> upTo = new HashMap<>();
        for (ReceivedPosition position : request.getEnrolments()) {
            upTo.merge(position.getEnrolmentId(), position.getReceivedUpTo(), Math::max);
        }
        Instant now = clock.instant();
        Integer again = transactions.execute(status -> jdbc.update(
                SEND_AGAIN,
                Timestamp.from(now),
                upTo.keySet().toArray(UUID[]::new),
                upTo.values().toArray(Long[]::new),
                topics.channel(self, asking)));
        int count = again == null ? 0 : again;
        signal.wake();
        meters.counter("mbo.exchange.reconciliation.requests", "direction", "answered")
                .increment();
        meters.counter("mbo.exchange.reconciliation.resent").increment(count);
        log.info(
                "{} asked for what it misses of {} enrolments (request {}); sending {} events again",
                asking,
                upTo.size(),
                request.getEventId(),
                count);
        return count;
    }
}
