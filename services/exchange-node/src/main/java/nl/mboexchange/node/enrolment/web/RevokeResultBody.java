package nl.mboexchange.node.enrolment.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nl.mboexchange.node.result.ResultVersion;

/**
 * Revoke the result of an attempt.
 *
 * @param reason why the result is revoked
 */
record RevokeResultBody(
        @NotBlank @Size(max = ResultVersion.MAX_REASON) String reason) {}
