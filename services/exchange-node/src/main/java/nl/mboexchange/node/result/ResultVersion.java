package nl.mboexchange.node.result;

import java.time.Instant;
import java.util.UUID;

/**
 * One version of the result of one attempt: an {@link Assessment} (version 1 or a correction) or a
 * {@link Revocation}. Versions are never changed afterwards, except that the receipt is added once.
 */
public sealed interface ResultVersion permits Assessment, Revocation {

    int MAX_REASON = 1000;

    int attempt();

    int version();

    /** The id of the event that published this version, the one the receipt refers to. */
    UUID eventId();

    /** When the host recorded this version. */
    Instant occurredAt();

    /** The home school's receipt, or {@code null} while it has not been acknowledged. */
    Receipt receipt();

    /** This version with the given receipt; refuses a second receipt. */
    ResultVersion acknowledgedBy(Receipt receipt);

    default boolean isAcknowledged() {
        return receipt() != null;
    }

    /** This version is a final assessment: its receipt completes the enrolment. */
    default boolean isFinal() {
        return this instanceof Assessment assessment && assessment.finalResult();
    }
}
