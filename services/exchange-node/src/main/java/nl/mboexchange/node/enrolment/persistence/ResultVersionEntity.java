package nl.mboexchange.node.enrolment.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One stored result version of an enrolment ({@code result_version}), with its receipt when it has one. */
record ResultVersionEntity(
        int attempt,
        int version,
        String kind,
        String grade,
        Boolean finalResult,
        LocalDate assessedOn,
        String correctionReason,
        String revocationReason,
        UUID eventId,
        Instant occurredAt,
        UUID receiptEventId,
        Instant acknowledgedAt) {

    static final String ASSESSMENT = "ASSESSMENT";
    static final String REVOCATION = "REVOCATION";
}
