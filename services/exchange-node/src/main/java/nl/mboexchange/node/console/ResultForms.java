package nl.mboexchange.node.console;

import static nl.mboexchange.node.console.FormValues.DATE;
import static nl.mboexchange.node.console.FormValues.POSITIVE;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.mboexchange.node.result.ResultVersion;

/** The host's forms on results: record the first version of an attempt, correct it, revoke it. */
final class ResultForms {

    private ResultForms() {}

    /**
     * Record the first result of an attempt.
     *
     * @param attempt the attempt, the next one from 1
     * @param grade 1.0 to 10.0 with one decimal, or PASSED / FAILED
     * @param finalResult present when the result is final
     * @param assessedOn the day of the assessment
     */
    record RecordForm(
            @NotBlank @Pattern(regexp = POSITIVE) String attempt,
            @NotBlank String grade,
            String finalResult,
            @NotBlank @Pattern(regexp = DATE) String assessedOn) {}

    /**
     * Correct the result of an attempt with its next version.
     *
     * @param attempt the attempt
     * @param expectedVersion the version the correction is based on, as the registrar saw it
     * @param grade the corrected grade
     * @param finalResult present when the result is final
     * @param assessedOn the day of the assessment
     * @param reason why the result is corrected
     */
    record CorrectForm(
            @NotBlank @Pattern(regexp = POSITIVE) String attempt,
            @NotBlank @Pattern(regexp = POSITIVE) String expectedVersion,
            @NotBlank String grade,
            String finalResult,
            @NotBlank @Pattern(regexp = DATE) String assessedOn,
            @NotBlank @Size(max = ResultVersion.MAX_REASON) String reason) {}

    /**
     * Revoke the result of an attempt.
     *
     * @param attempt the attempt
     * @param reason why the result is revoked
     */
    record RevokeForm(
            @NotBlank @Pattern(regexp = POSITIVE) String attempt,
            @NotBlank @Size(max = ResultVersion.MAX_REASON) String reason) {}
}
