package nl.mboexchange.node.enrolment.application;

/**
 * A writer of what changes cause: the timeline, the exchange outbox, the SIS feed. Each is called with every
 * transaction's {@link Consequences}, inside that transaction, in the order of its {@link
 * org.springframework.core.annotation.Order}, and writes only its own part.
 */
public interface ConsequenceSubscriber {

    /** Writes this subscriber's part of the consequences, joining the caller's transaction. */
    void follow(Consequences consequences);
}
