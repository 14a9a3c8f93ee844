package nl.mboexchange.node.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The accounts of this node, one list per role, each account with {@code username} and {@code password}, e.g.
 * {@code MBO_SECURITY_REGISTRARS_0_USERNAME} and {@code MBO_SECURITY_REGISTRARS_0_PASSWORD}.
 *
 * @param registrars who act: request, decide, record results, in the REST API and the console
 *     ({@code mbo.security.registrars[n].*}); none means nobody can act
 * @param readers staff who check status: they read what a registrar reads, and change nothing
 *     ({@code mbo.security.readers[n].*})
 * @param operators who run the node: dead letters, held outbox messages, replays and metrics
 *     ({@code mbo.security.operators[n].*})
 * @param monitors what scrapes the metrics (Prometheus) and nothing else ({@code mbo.security.monitors[n].*})
 */
@Validated
@ConfigurationProperties("mbo.security")
public record RegistrarProperties(
        @DefaultValue List<@Valid Registrar> registrars,
        @DefaultValue List<@Valid Registrar> readers,
        @DefaultValue List<@Valid Registrar> operators,
        @DefaultValue List<@Valid Registrar> monitors) {

    /**
     * One account.
     *
     * @param username the user name
     * @param password the password in Spring Security's storage format, e.g. {@code {bcrypt}$2a$10$...}; without
     *     an {@code {id}} prefix it is taken as plain text, which suits only development and tests
     */
    public record Registrar(
            @NotBlank String username, @NotBlank String password) {}
}
