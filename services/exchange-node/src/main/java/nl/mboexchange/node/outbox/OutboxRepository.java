package nl.mboexchange.node.outbox;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import nl.mboexchange.node.enrolment.ExchangeEvent;

/**
 * The outbox table. The state change writes with {@link #enqueue} in its own transaction; a publisher, after commit,
 * takes a batch with {@link #claimBatch}, sends it, and calls {@link #markPublished} in the same transaction as the
 * claim. A crash before that leaves the messages unpublished, so they are sent again: at least once.
 */
public interface OutboxRepository {

    /** Adds the events to the outbox, addressed to the channel from their sender to their recipient. */
    void enqueue(List<? extends ExchangeEvent> events);

    /** Adds records of another Avro contract than the exchange, each to its own topic and key. */
    void enqueueRecords(List<OutboxRecord> records);

    /**
     * The oldest unpublished messages, at most {@code limit}, in outbox order, locked until the calling transaction
     * ends; concurrent publishers skip them rather than wait. Must run inside a transaction.
     */
    List<OutboxMessage> claimBatch(int limit);

    /** Marks the messages as published. */
    void markPublished(Collection<Long> ids);

    /** How many messages wait to be published: the outbox backlog. */
    long countUnpublished();

    /** Removes published messages older than the cutoff; returns how many. */
    int purgePublishedBefore(Instant cutoff);
}
