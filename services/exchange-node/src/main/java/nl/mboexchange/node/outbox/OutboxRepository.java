package nl.mboexchange.node.outbox;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The outbox table: Avro records, each with the topic and key it goes to, and nothing of what they mean. The state
 * change writes with {@link #enqueue} in its own transaction; a publisher, after commit,
 * takes a batch with {@link #claimBatch}, sends it, and calls {@link #removePublished} in the same transaction as the
 * claim. A crash before that leaves the messages in the outbox, so they are sent again: at least once.
 */
public interface OutboxRepository {

    /** Adds the records to the outbox, in order, each to its own topic and key; joins the caller's transaction. */
    void enqueue(List<OutboxRecord> records);

    /**
     * The oldest messages, at most {@code limit}, in outbox order, locked until the calling transaction ends; a claim
     * waits for messages another transaction has claimed, so that the order stays even while one publisher takes over
     * from another. Must run inside a transaction.
     */
    List<OutboxMessage> claimBatch(int limit);

    /**
     * Holds a message that cannot be sent: it, and every later message of its key, waits until an operator sends it
     * again ({@link #unhold}) or releases it; the rest of the outbox goes on.
     */
    void hold(long id, String because);

    /**
     * Counts a failed attempt to send a message, in a transaction of its own, and holds it once it has failed {@code
     * holdAfter} times.
     *
     * @return whether the message is held now
     */
    boolean recordFailure(long id, String because, int holdAfter);

    /** The held messages, oldest first. */
    List<HeldMessage> held();

    /** A held message, locked until the calling transaction ends, to release or send again. */
    Optional<OutboxMessage> claimHeld(long id);

    /** Sends a held message again, in its place. */
    void unhold(long id);

    /**
     * Takes the messages out of the outbox: Kafka has acknowledged them. With {@code waitForDisk} false the calling
     * transaction commits without waiting for its commit to reach the disk ({@code synchronous_commit = off} for that
     * transaction only): a database crash right after may lose the delete, and then the messages are simply sent
     * again, which a receiver drops by their ids, as it does after any crash between send and delete. Only a
     * transaction that decides nothing else may pass false.
     */
    void removePublished(Collection<Long> ids, boolean waitForDisk);

    /** Takes the messages out of the outbox, as {@link #removePublished(Collection, boolean)} waiting for the disk. */
    default void removePublished(Collection<Long> ids) {
        removePublished(ids, true);
    }

    /** How many messages are held because they cannot be sent. */
    long countHeld();

    /** How many messages wait to be published: the outbox backlog. */
    long countUnpublished();
}
