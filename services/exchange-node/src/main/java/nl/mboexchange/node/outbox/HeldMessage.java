package nl.mboexchange.node.outbox;

import java.time.Instant;

/**
 * A message of the outbox that cannot be sent, held with why.
 *
 * @param message the message
 * @param heldAt since when it is held
 * @param because why it cannot be sent
 * @param heldBack how many later messages of its key (its enrolment) wait behind it
 */
public record HeldMessage(OutboxMessage message, Instant heldAt, String because, long heldBack) {}
