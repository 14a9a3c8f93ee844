package nl.mboexchange.node.enrolment;

import static nl.mboexchange.node.shared.Require.present;

import nl.mboexchange.node.result.Revocation;

/**
 * Host to home: the result of an attempt is withdrawn altogether; the revocation is the next version of the attempt.
 *
 * @param header the common fields
 * @param attempt the attempt whose result is revoked
 * @param version the version the revocation takes: one more than the latest
 * @param reason why the result is revoked
 */
public record CourseResultRevoked(EventHeader header, int attempt, int version, String reason)
        implements ExchangeEvent {

    public CourseResultRevoked {
        present(header, "header");
        reason = revocation(header, attempt, version, reason).reason();
    }

    /** The event that publishes this revocation. */
    public static CourseResultRevoked of(EventHeader header, Revocation revocation) {
        return new CourseResultRevoked(header, revocation.attempt(), revocation.version(), revocation.reason());
    }

    /** The result version this event publishes, not yet acknowledged. */
    public Revocation revocation() {
        return revocation(header, attempt, version, reason);
    }

    @Override
    public String summary() {
        return "Result of attempt " + attempt + " revoked (version " + version + "): " + reason;
    }

    private static Revocation revocation(EventHeader header, int attempt, int version, String reason) {
        return new Revocation(attempt, version, reason, header.eventId(), header.occurredAt(), null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.resultRevoked(this);
    }
}
