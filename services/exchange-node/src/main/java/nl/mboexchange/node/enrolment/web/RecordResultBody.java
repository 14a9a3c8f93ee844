package nl.mboexchange.node.enrolment.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import nl.mboexchange.node.shared.Plausible;

/**
 * Record the first result of an attempt.
 *
 * @param attempt the attempt: 1 for the first, then 2, ...
 * @param grade {@code 1.0} to {@code 10.0} with one decimal, or {@code PASSED} / {@code FAILED}, on the course's scale
 * @param finalResult the definitive result rather than a provisional one
 * @param assessedOn the day the student was assessed
 */
record RecordResultBody(
        @NotNull @Min(1) Integer attempt,
        @NotBlank String grade,
        @NotNull Boolean finalResult,

        @NotNull @Schema(description = "The day the student was assessed, " + Plausible.DATE_RULE)
        LocalDate assessedOn) {}
