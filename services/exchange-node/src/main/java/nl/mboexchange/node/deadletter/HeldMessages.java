package nl.mboexchange.node.deadletter;

import java.util.List;
import java.util.Optional;
import nl.mboexchange.node.outbox.HeldMessage;
import nl.mboexchange.node.outbox.OutboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an operator does with an outbox message that cannot be sent: see it with why, send it again once the cause
 * is fixed, or release it to the dead letters so that the later messages of its enrolment go on without it.
 */
public class HeldMessages {

    private static final Logger log = LoggerFactory.getLogger(HeldMessages.class);

    /**
     * A held message as the operator sees it.
     *
     * @param id its id in the outbox
     * @param topic where it was going
     * @param key its key, the enrolment id
     * @param type its record type
     * @param heldAt since when it is held
     * @param because why it cannot be sent
     * @param heldBack how many later messages of its enrolment wait behind it
     */
    public record Held(
            long id, String topic, String key, String type, java.time.Instant heldAt, String because, long heldBack) {}

    private final OutboxRepository outbox;
    private final DeadLetters deadLetters;
    private final TransactionTemplate transactions;

    HeldMessages(OutboxRepository outbox, DeadLetters deadLetters, TransactionTemplate transactions) {
        this.outbox = outbox;
        this.deadLetters = deadLetters;
        this.transactions = transactions;
    }

    public List<Held> list() {
        return outbox.held().stream().map(HeldMessages::view).toList();
    }

    /** Sends the message again, in its place; returns whether there was such a held message. */
    public boolean sendAgain(long id) {
        Boolean found = transactions.execute(status -> outbox.claimHeld(id)
                .map(message -> {
                    outbox.unhold(message.id());
                    log.info("Outbox message {} (key {}) is sent again at an operator's request", id, message.key());
                    return true;
                })
                .orElse(false));
        return Boolean.TRUE.equals(found);
    }

    /**
     * Takes the message out of the outbox to the dead letters, with the operator's reason; the later messages of its
     * enrolment go on without it.
     *
     * @return whether there was such a held message
     */
    public boolean release(long id, String reason) {
        Boolean found = transactions.execute(status -> {
            Optional<nl.mboexchange.node.outbox.OutboxMessage> held = outbox.claimHeld(id);
            held.ifPresent(message -> {
                deadLetters.release(message, reason);
                outbox.removePublished(List.of(message.id()));
            });
            return held.isPresent();
        });
        return Boolean.TRUE.equals(found);
    }

    private static Held view(HeldMessage held) {
        var message = held.message();
        return new Held(
                message.id(),
                message.topic(),
                message.key(),
                message.eventType(),
                held.heldAt(),
                held.because(),
                held.heldBack());
    }
}
