package nl.mboexchange.node.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MovingClock clock = new MovingClock();
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginProperties(3, Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofHours(1), Duration.ZERO),
            clock);

    @Test
    void a_few_failures_are_allowed() {
        throttle.failed("registrar", "10.0.0.1");
        throttle.failed("registrar", "10.0.0.1");

        assertThat(throttle.refusedFor("registrar", "10.0.0.1")).isEmpty();
    }

    @Test
    void after_the_allowed_failures_the_user_is_refused_from_any_address() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("registrar", "10.0.0." + i);
        }

        assertThat(throttle.refusedFor("registrar", "10.0.0.99")).contains(Duration.ofSeconds(10));
        assertThat(throttle.refusedFor("REGISTRAR", "10.0.0.99")).isPresent();
        assertThat(throttle.refusedFor("reader", "10.0.0.99")).isEmpty();
    }

    @Test
    void after_the_allowed_failures_the_address_is_refused_for_any_user() {
        throttle.failed("anna", "10.0.0.1");
        throttle.failed("bert", "10.0.0.1");
        throttle.failed("carla", "10.0.0.1");

        assertThat(throttle.refusedFor("dirk", "10.0.0.1")).isPresent();
        assertThat(throttle.refusedFor("dirk", "10.0.0.2")).isEmpty();
    }

    @Test
    void each_further_failure_doubles_the_window_up_to_the_longest() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("registrar", "10.0.0.1");
        }
        clock.move(Duration.ofSeconds(10));
        assertThat(throttle.refusedFor("registrar", "10.0.0.1")).isEmpty();

        throttle.failed("registrar", "10.0.0.1");
        assertThat(throttle.refusedFor("registrar", "10.0.0.1")).contains(Duration.ofSeconds(20));
        clock.move(Duration.ofSeconds(20));
        throttle.failed("registrar", "10.0.0.1");
        assertThat(throttle.refusedFor("registrar", "10.0.0.1")).contains(Duration.ofSeconds(40));
        clock.move(Duration.ofSeconds(40));
        throttle.failed("registrar", "10.0.0.1");
        assertThat(throttle.refusedFor("registrar", "10.0.0.1")).contains(Duration.ofSeconds(60));
    }

    @Test
    void a_success_clears_the_count() {
        throttle.failed("registrar", "10.0.0.1");
        throttle.failed("registrar", "10.0.0.1");
        throttle.succeeded("registrar", "10.0.0.1");
        throttle.failed("registrar", "10.0.0.1");

        assertThat(throttle.refusedFor("registrar", "10.0.0.1")).isEmpty();
    }

    @Test
    void old_failures_are_forgotten() {
        throttle.failed("registrar", "10.0.0.1");
        throttle.failed("registrar", "10.0.0.1");
        clock.move(Duration.ofHours(2));
        throttle.failed("registrar", "10.0.0.1");

        assertThat(throttle.refusedFor("registrar", "10.0.0.1")).isEmpty();
    }
}
