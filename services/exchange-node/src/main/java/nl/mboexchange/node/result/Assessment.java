package nl.mboexchange.node.result;

import static nl.mboexchange.node.shared.Require.atLeast;
import static nl.mboexchange.node.shared.Require.optionalText;
import static nl.mboexchange.node.shared.Require.present;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.mboexchange.node.shared.InvalidValue;
import nl.mboexchange.node.shared.Plausible;

/**
 * A graded version of an attempt's result: version 1, or a correction of the previous version.
 *
 * @param attempt the attempt, from 1
 * @param version the version, from 1
 * @param grade the grade, on the course's scale
 * @param finalResult the definitive result of the course rather than a provisional one
 * @param assessedOn the day the student was assessed, within the {@link Plausible} dates
 * @param correctionReason why this version corrects the previous one: required from version 2, absent in version 1
 * @param eventId the id of the event that published this version
 * @param occurredAt when the host recorded this version
 * @param receipt the home school's receipt, or {@code null}
 */
public record Assessment(
        int attempt,
        int version,
        Grade grade,
        boolean finalResult,
        LocalDate assessedOn,
        String correctionReason,
        UUID eventId,
        Instant occurredAt,
        Receipt receipt)
        implements ResultVersion {

    public Assessment {
        atLeast(attempt, 1, "attempt");
        atLeast(version, 1, "version");
        present(grade, "grade");
        Plausible.date(assessedOn, "assessedOn");
        present(eventId, "eventId");
        Plausible.instant(occurredAt, "occurredAt");
        correctionReason = optionalText(correctionReason, "correctionReason", MAX_REASON);
        if (version > 1 && correctionReason == null) {
            throw new InvalidValue("correctionReason", "a correction (version " + version + ") needs a reason");
        }
        if (version == 1 && correctionReason != null) {
            throw new InvalidValue("correctionReason", "the first version of a result corrects nothing");
        }
    }

    @Override
    public Assessment acknowledgedBy(Receipt receipt) {
        if (this.receipt != null) {
            throw new AlreadyAcknowledged(attempt, version);
        }
        return new Assessment(
                attempt, version, grade, finalResult, assessedOn, correctionReason, eventId, occurredAt, receipt);
    }
}
