package nl.mboexchange.node.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The registrars who may use this node's REST API ({@code mbo.security.registrars[n].*}, e.g.
 * {@code MBO_SECURITY_REGISTRARS_0_USERNAME} and {@code MBO_SECURITY_REGISTRARS_0_PASSWORD}), and the operators who
 * may use its operations API, dead letters and held outbox messages ({@code mbo.security.operators[n].*}).
 *
 * @param registrars the registrars; none means nobody can use the API
 * @param operators the operators; none means nobody can list or replay dead letters over the API
 */
@Validated
@ConfigurationProperties("mbo.security")
public record RegistrarProperties(
        @DefaultValue List<@Valid Registrar> registrars,
        @DefaultValue List<@Valid Registrar> operators) {

    /**
     * One account, a registrar's or an operator's.
     *
     * @param username the user name
     * @param password the password in Spring Security's storage format, e.g. {@code {bcrypt}$2a$10$...}; without
     *     an {@code {id}} prefix it is taken as plain text, which suits only development and tests
     */
    public record Registrar(
            @NotBlank String username, @NotBlank String password) {}
}
