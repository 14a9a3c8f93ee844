package nl.mboexchange.node.enrolment.application;

import static nl.mboexchange.node.shared.Require.atLeast;
import static nl.mboexchange.node.shared.Require.present;

import java.time.LocalDate;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.result.Grade;

/**
 * Host school: correct the result of an attempt with its next version.
 *
 * @param enrolmentId the enrolment
 * @param attempt the attempt
 * @param expectedLatestVersion the version the correction is based on; refused as stale when it is not the latest
 * @param grade the corrected grade
 * @param finalResult the definitive result rather than a provisional one
 * @param assessedOn the day the student was assessed
 * @param reason why the result is corrected
 */
public record CorrectResult(
        EnrolmentId enrolmentId,
        int attempt,
        int expectedLatestVersion,
        Grade grade,
        boolean finalResult,
        LocalDate assessedOn,
        String reason)
        implements EnrolmentCommand {

    public CorrectResult {
        present(enrolmentId, "enrolmentId");
        atLeast(expectedLatestVersion, 1, "expectedVersion");
    }
}
