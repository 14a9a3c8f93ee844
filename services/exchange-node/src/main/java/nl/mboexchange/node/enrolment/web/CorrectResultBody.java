package nl.mboexchange.node.enrolment.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import nl.mboexchange.node.result.Grade;
import nl.mboexchange.node.result.ResultVersion;
import nl.mboexchange.node.shared.Plausible;

/**
 * Correct the result of an attempt with its next version.
 *
 * @param expectedVersion the latest version as the registrar saw it; 409 when the attempt has moved on since
 * @param grade the corrected grade on the course's scale
 * @param finalResult the definitive result rather than a provisional one
 * @param assessedOn the day the student was assessed
 * @param reason why the result is corrected
 */
record CorrectResultBody(
        @NotNull @Min(1) Integer expectedVersion,

        @NotBlank
        @Pattern(regexp = Grade.FORMAT, message = "must be 1.0 to 10.0 with one decimal (e.g. 8.0), PASSED or FAILED")
        String grade,

        @NotNull Boolean finalResult,

        @NotNull
        @PastOrPresent
        @Schema(description = "The day the student was assessed, not in the future, " + Plausible.DATE_RULE)
        LocalDate assessedOn,

        @NotBlank @Size(max = ResultVersion.MAX_REASON) String reason) {}
