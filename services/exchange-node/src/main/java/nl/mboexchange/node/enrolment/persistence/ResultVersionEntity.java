package nl.mboexchange.node.enrolment.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** One stored result version of an enrolment, with its receipt when it has one. */
@Table("result_version")
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
