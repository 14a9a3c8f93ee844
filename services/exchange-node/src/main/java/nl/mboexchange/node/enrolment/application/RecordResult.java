package nl.mboexchange.node.enrolment.application;

import static nl.mboexchange.node.shared.Require.atLeast;
import static nl.mboexchange.node.shared.Require.present;

import java.time.LocalDate;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.result.Grade;

/**
 * Host school: record the first result of an attempt.
 *
 * @param enrolmentId the enrolment
 * @param attempt the attempt: the next one, from 1
 * @param grade the grade on the course's scale
 * @param finalResult the definitive result rather than a provisional one
 * @param assessedOn the day the student was assessed
 */
public record RecordResult(EnrolmentId enrolmentId, int attempt, Grade grade, boolean finalResult, LocalDate assessedOn)
        implements EnrolmentCommand {

    public RecordResult {
        present(enrolmentId, "enrolmentId");
        atLeast(attempt, 1, "attempt");
    }
}
