package nl.mboexchange.node.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import nl.mboexchange.node.enrolment.ExchangeEvent;
import nl.mboexchange.node.enrolment.json.ExchangeEventJson;
import nl.mboexchange.node.messaging.AvroEvents;
import nl.mboexchange.node.messaging.ExchangeTopics;
import org.apache.avro.generic.IndexedRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox in PostgreSQL: one JDBC batch to enqueue, each payload in Avro's binary encoding ({@link
 * OutboxPayloads}); {@code for update skip locked} to claim; and a delete once published, so that the table holds only
 * what waits.
 */
@Repository
class JdbcOutboxRepository implements OutboxRepository {

    private static final String INSERT = """
            insert into outbox_event (event_id, topic, message_key, event_type, record, payload_schema, created_at)
            values (?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String CLAIM = """
            select id, event_id, topic, message_key, event_type, record, payload, payload_schema, created_at
            from outbox_event order by id limit ? for update skip locked
            """;

    private final JdbcTemplate jdbc;
    private final ExchangeEventJson json;
    private final ExchangeTopics topics;
    private final Clock clock;
    private final MeterRegistry meters;
    private final OutboxSignal signal;
    private final AvroJson avroJson = new AvroJson();

    JdbcOutboxRepository(
            JdbcTemplate jdbc,
            ExchangeEventJson json,
            ExchangeTopics topics,
            Clock clock,
            MeterRegistry meters,
            OutboxSignal signal) {
        this.jdbc = jdbc;
        this.json = json;
        this.topics = topics;
        this.clock = clock;
        this.meters = meters;
        this.signal = signal;
    }

    @Override
    public void enqueue(List<? extends ExchangeEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        insert(events.stream()
                .map(event -> new OutboxRecord(
                        event.eventId(),
                        topics.channel(event.sender(), event.recipient()),
                        event.enrolmentId().toString(),
                        AvroEvents.toAvro(event)))
                .toList());
    }

    @Override
    public void enqueueRecords(List<OutboxRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        insert(records);
    }

    private void insert(List<OutboxRecord> records) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate(INSERT, records, records.size(), (ps, record) -> {
            ps.setObject(1, record.messageId());
            ps.setString(2, record.topic());
            ps.setString(3, record.key());
            ps.setString(4, record.type());
            ps.setBytes(5, OutboxPayloads.write(record.record()));
            ps.setString(6, record.record().getSchema().getFullName());
            ps.setTimestamp(7, now);
        });
        records.forEach(record ->
                meters.counter("mbo.outbox.enqueued", "type", record.type()).increment());
        wakeAfterCommit();
    }

    private void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal.wake();
                }
            });
        } else {
            signal.wake();
        }
    }

    @Override
    public List<OutboxMessage> claimBatch(int limit) {
        return jdbc.query(
                CLAIM,
                (rs, row) -> {
                    String type = rs.getString("event_type");
                    return new OutboxMessage(
                            rs.getLong("id"),
                            rs.getObject("event_id", UUID.class),
                            rs.getString("topic"),
                            rs.getString("message_key"),
                            type,
                            record(
                                    type,
                                    rs.getString("payload_schema"),
                                    rs.getBytes("record"),
                                    rs.getString("payload")),
                            rs.getTimestamp("created_at").toInstant());
                },
                limit);
    }

    /** The message's record; messages written before the outbox kept Avro's binary encoding are JSON. */
    private IndexedRecord record(String type, String schema, byte[] avro, String legacyJson) {
        if (avro != null) {
            return OutboxPayloads.read(schema, avro);
        }
        return schema == null ? AvroEvents.toAvro(json.read(type, legacyJson)) : avroJson.read(schema, legacyJson);
    }

    @Override
    public void removePublished(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Long[] array = ids.toArray(Long[]::new);
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("delete from outbox_event where id = any(?)");
            ps.setArray(1, con.createArrayOf("bigint", array));
            return ps;
        });
    }

    @Override
    public long countUnpublished() {
        Long count = jdbc.queryForObject("select count(*) from outbox_event", Long.class);
        return count == null ? 0 : count;
    }
}
