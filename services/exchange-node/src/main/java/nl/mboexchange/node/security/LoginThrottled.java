package nl.mboexchange.node.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused without checking its password, because too many before it failed; try again after a while. */
final class LoginThrottled extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottled(Duration retryAfter) {
        super("Too many failed sign-ins; try again later");
        this.retryAfter = retryAfter;
    }

    /** How long the refusal still lasts. */
    Duration retryAfter() {
        return retryAfter;
    }
}
