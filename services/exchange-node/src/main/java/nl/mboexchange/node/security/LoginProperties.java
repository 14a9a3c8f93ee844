package nl.mboexchange.node.security;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How sign-ins are protected ({@code mbo.security.login.*}).
 *
 * @param allowedFailures failed sign-ins in a row, per user name and per address, before further attempts are
 *     refused for a while
 * @param firstLock how long the first refusal lasts; each further failure doubles it
 * @param longestLock the longest a refusal lasts
 * @param forgetFailuresAfter failures older than this, without a lock still running, no longer count
 * @param verifiedPasswordsFor how long a password that passed the slow check is taken as checked, so that an API
 *     client authenticated on every request does not pay the slow hash each time; zero checks every time
 */
@Validated
@ConfigurationProperties("mbo.security.login")
public record LoginProperties(
        @DefaultValue("5") @Min(1) int allowedFailures,
        @DefaultValue("30s") @NotNull Duration firstLock,
        @DefaultValue("15m") @NotNull Duration longestLock,
        @DefaultValue("1h") @NotNull Duration forgetFailuresAfter,
        @DefaultValue("5m") @NotNull Duration verifiedPasswordsFor) {}
