package nl.mboexchange.node.enrolment;

import static nl.mboexchange.node.shared.Require.present;

import java.time.LocalDate;
import nl.mboexchange.node.result.Assessment;
import nl.mboexchange.node.result.Grade;

/**
 * Host to home: one version of the result of one attempt; version 1 is the first result, every later version a
 * correction with a reason.
 *
 * @param header the common fields
 * @param attempt the attempt, from 1
 * @param version the version of the attempt's result, from 1
 * @param grade the grade on the course's scale
 * @param finalResult the definitive result of the course rather than a provisional one
 * @param assessedOn the day the student was assessed
 * @param correctionReason why this version corrects the previous one; {@code null} in version 1
 */
public record CourseResultRecorded(
        EventHeader header,
        int attempt,
        int version,
        Grade grade,
        boolean finalResult,
        LocalDate assessedOn,
        String correctionReason)
        implements ExchangeEvent {

    public CourseResultRecorded {
        present(header, "header");
        // The assessment carries the rules of a result version; the event must satisfy them on the way in.
        correctionReason = asAssessment(header, attempt, version, grade, finalResult, assessedOn, correctionReason)
                .correctionReason();
    }

    /** The event that publishes this version of a result. */
    public static CourseResultRecorded of(EventHeader header, Assessment assessment) {
        return new CourseResultRecorded(
                header,
                assessment.attempt(),
                assessment.version(),
                assessment.grade(),
                assessment.finalResult(),
                assessment.assessedOn(),
                assessment.correctionReason());
    }

    /** The result version this event publishes, not yet acknowledged. */
    public Assessment assessment() {
        return asAssessment(header, attempt, version, grade, finalResult, assessedOn, correctionReason);
    }

    @Override
    public String summary() {
        String kind = version == 1 ? "recorded" : "corrected (version " + version + ", " + correctionReason + ")";
        return "Result of attempt " + attempt + " " + kind + ": " + grade.text() + (finalResult ? " (final)" : "");
    }

    private static Assessment asAssessment(
            EventHeader header,
            int attempt,
            int version,
            Grade grade,
            boolean finalResult,
            LocalDate assessedOn,
            String correctionReason) {
        return new Assessment(
                attempt,
                version,
                grade,
                finalResult,
                assessedOn,
                correctionReason,
                header.eventId(),
                header.occurredAt(),
                null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.resultRecorded(this);
    }
}
