package nl.mboexchange.node.retention;

/**
 * What one run of the retention job removed.
 *
 * @param contactData enrolments whose student's e-mail address was removed
 * @param personalData enrolments whose student's name and date of birth were removed
 * @param timelineEntries timeline entries from which the student's data was removed
 * @param processedEventIds ids of received events forgotten
 * @param idempotentResponses kept answers to commands deleted
 * @param deadLetters dead letters deleted
 * @param heldOutboxMessages outbox messages held as unsendable, deleted
 */
public record Removed(
        int contactData,
        int personalData,
        int timelineEntries,
        int processedEventIds,
        int idempotentResponses,
        int deadLetters,
        int heldOutboxMessages) {

    boolean nothing() {
        return contactData
                        + personalData
                        + timelineEntries
                        + processedEventIds
                        + idempotentResponses
                        + deadLetters
                        + heldOutboxMessages
                == 0;
    }
}
