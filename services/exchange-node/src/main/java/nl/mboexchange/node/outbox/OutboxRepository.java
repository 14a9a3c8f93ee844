package nl.mboexchange.node.outbox;

import java.util.Collection;
import java.util.List;
import nl.mboexchange.node.enrolment.ExchangeEvent;

/**
 * The outbox table. The state change writes with {@link #enqueue} in its own transaction; a publisher, after commit,
 * takes a batch with {@link #claimBatch}, sends it, and calls {@link #removePublished} in the same transaction as the
 * claim. A crash before that leaves the messages in the outbox, so they are sent again: at least once.
 */
public interface OutboxRepository {

    /** Adds the events to the outbox, addressed to the channel from their sender to their recipient. */
    void enqueue(List<? extends ExchangeEvent> events);

    /** Adds records of another Avro contract than the exchange, each to its own topic and key. */
    void enqueueRecords(List<OutboxRecord> records);

    /**
     * The oldest messages, at most {@code limit}, in outbox order, locked until the calling transaction ends;
     * concurrent publishers skip them rather than wait. Must run inside a transaction.
     */
    List<OutboxMessage> claimBatch(int limit);

    /** Takes the messages out of the outbox: Kafka has acknowledged them. */
    void removePublished(Collection<Long> ids);

    /** How many messages wait to be published: the outbox backlog. */
    long countUnpublished();
}
