package nl.mboexchange.node.intake;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the node waits out a fault of the infrastructure, and when it calls a listener stalled ({@code mbo.intake.*}).
 *
 * @param retryInitialInterval the first wait after a poll failed on the database, registry or broker
 *     ({@code MBO_INTAKE_RETRY_INITIAL_INTERVAL}); each next wait doubles
 * @param retryMaxInterval the cap of that wait ({@code MBO_INTAKE_RETRY_MAX_INTERVAL}); the node keeps trying at this
 *     pace for as long as the fault lasts, and loses nothing meanwhile
 * @param stallAfter how long a listener may hold records without taking them in before the node reports itself not
 *     ready ({@code MBO_INTAKE_STALL_AFTER})
 * @param logInterval while a fault lasts, at most one WARN line per listener this often
 *     ({@code MBO_INTAKE_LOG_INTERVAL})
 */
@Validated
@ConfigurationProperties("mbo.intake")
public record IntakeProperties(
        @DefaultValue("500ms") @NotNull Duration retryInitialInterval,
        @DefaultValue("30s") @NotNull Duration retryMaxInterval,
        @DefaultValue("2m") @NotNull Duration stallAfter,
        @DefaultValue("1m") @NotNull Duration logInterval) {}
