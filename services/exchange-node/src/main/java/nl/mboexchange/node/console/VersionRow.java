package nl.mboexchange.node.console;

import java.time.Instant;
import java.time.LocalDate;
import nl.mboexchange.node.result.Assessment;
import nl.mboexchange.node.result.Receipt;
import nl.mboexchange.node.result.ResultVersion;
import nl.mboexchange.node.result.Revocation;

/**
 * One version of a result as a row of the page's history: a grade, or the revocation of the result.
 *
 * @param version the version number
 * @param revocation this version revokes the result
 * @param grade the grade, or {@code null} for a revocation
 * @param finalResult the grade is final
 * @param assessedOn the day of the assessment, or {@code null} for a revocation
 * @param reason why this version corrects the one before, or revokes the result; {@code null} for version 1
 * @param occurredAt when the host recorded it
 * @param receipt the home school's receipt, or {@code null} while it has not arrived
 */
public record VersionRow(
        int version,
        boolean revocation,
        String grade,
        boolean finalResult,
        LocalDate assessedOn,
        String reason,
        Instant occurredAt,
        Receipt receipt) {

    static VersionRow of(ResultVersion version) {
        if (version instanceof Assessment assessment) {
            return new VersionRow(
                    assessment.version(),
                    false,
                    assessment.grade().text(),
                    assessment.finalResult(),
                    assessment.assessedOn(),
                    assessment.correctionReason(),
                    assessment.occurredAt(),
                    assessment.receipt());
        }
        Revocation revocation = (Revocation) version;
        return new VersionRow(
                revocation.version(),
                true,
                null,
                false,
                null,
                revocation.reason(),
                revocation.occurredAt(),
                revocation.receipt());
    }
}
