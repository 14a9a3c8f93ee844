package nl.mboexchange.node.enrolment.web;

import java.time.Instant;
import java.util.UUID;
import nl.mboexchange.node.enrolment.Erasure;

/**
 * Where the erasure of the student's personal data on one enrolment stands (AVG art. 17).
 *
 * @param status {@code REQUESTED}: the home school erased its copy and asked the host; {@code CONFIRMED}: the host
 *     erased its copy too
 * @param requestedAt when the home school erased its copy and asked the host
 * @param requestEventId the {@code ErasureRequested} event
 * @param confirmedAt when the host confirmed; absent until then
 * @param receiptEventId the host's {@code ErasureConfirmed} event; absent until then
 */
record ErasureResponse(
        String status, Instant requestedAt, UUID requestEventId, Instant confirmedAt, UUID receiptEventId) {

    /** The response for an enrolment's erasure, or {@code null} when it was never asked for. */
    static ErasureResponse of(Erasure erasure) {
        if (erasure == null) {
            return null;
        }
        return new ErasureResponse(
                erasure.isConfirmed() ? "CONFIRMED" : "REQUESTED",
                erasure.requestedAt(),
                erasure.requestEventId(),
                erasure.confirmedAt(),
                erasure.receiptEventId());
    }
}
