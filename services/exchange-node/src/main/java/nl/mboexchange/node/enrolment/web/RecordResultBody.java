package nl.mboexchange.node.enrolment.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import nl.mboexchange.node.result.Grade;
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

        @NotBlank
        @Pattern(regexp = Grade.FORMAT, message = "must be 1.0 to 10.0 with one decimal (e.g. 8.0), PASSED or FAILED")
        String grade,

        @NotNull Boolean finalResult,

        @NotNull
        @PastOrPresent
        @Schema(description = "The day the student was assessed, not in the future, " + Plausible.DATE_RULE)
        LocalDate assessedOn) {}
