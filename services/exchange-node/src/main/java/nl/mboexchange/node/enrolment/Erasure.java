package nl.mboexchange.node.enrolment;

import static nl.mboexchange.node.shared.Require.present;

import java.time.Instant;
import java.util.UUID;

/**
 * Where the erasure of the student's personal data on one enrolment stands (AVG art. 17). At the home school: when it
 * erased its own copy and asked the host ({@link ErasureRequested}), and when the host confirmed ({@link
 * ErasureConfirmed}). At the host: when the request arrived and when this node erased its copy and confirmed, which
 * happen together.
 *
 * @param requestedAt when the home school erased its copy and asked the host to erase theirs
 * @param requestEventId the {@link ErasureRequested} event
 * @param confirmedAt when the host erased its copy and confirmed; {@code null} until then
 * @param receiptEventId the {@link ErasureConfirmed} event; {@code null} until then
 */
public record Erasure(Instant requestedAt, UUID requestEventId, Instant confirmedAt, UUID receiptEventId) {

    public Erasure {
        present(requestedAt, "requestedAt");
        present(requestEventId, "requestEventId");
        if ((confirmedAt == null) != (receiptEventId == null)) {
            throw new IllegalArgumentException("a confirmation has both its time and its event id");
        }
    }

    /** Asked, not yet confirmed. */
    static Erasure requested(ErasureRequested request) {
        return new Erasure(request.occurredAt(), request.eventId(), null, null);
    }

    /** The host confirmed the erasure. */
    Erasure confirmedBy(ErasureConfirmed confirmation) {
        return new Erasure(requestedAt, requestEventId, confirmation.occurredAt(), confirmation.eventId());
    }

    public boolean isConfirmed() {
        return confirmedAt != null;
    }
}
