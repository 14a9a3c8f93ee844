package nl.mboexchange.node.web;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the REST API ({@code mbo.api.*}).
 *
 * @param maxRequestBody the largest request body the API reads ({@code MBO_API_MAX_REQUEST_BODY}); a larger one is
 *     refused with 413. The default of 64 KiB is many times the largest valid command: an enrolment request with every
 *     text at its maximum length is about 3 KB.
 */
@Validated
@ConfigurationProperties("mbo.api")
public record ApiProperties(
        @NotNull @DefaultValue(DEFAULT_MAX_REQUEST_BODY) DataSize maxRequestBody) {

    public static final String DEFAULT_MAX_REQUEST_BODY = "64KB";
}
