package nl.mboexchange.node.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedPasswordsTest {

    private final CountingEncoder slow = new CountingEncoder();
    private final MovingClock clock = new MovingClock();
    private final VerifiedPasswords passwords = new VerifiedPasswords(slow, Duration.ofMinutes(5), clock);
    private final String stored = slow.encode("correct horse");

    @Test
    void a_password_checked_once_is_not_checked_again_within_its_time() {
        assertThat(passwords.matches("correct horse", stored)).isTrue();
        assertThat(passwords.matches("correct horse", stored)).isTrue();
        assertThat(passwords.matches("correct horse", stored)).isTrue();

        assertThat(slow.checks).isEqualTo(1);
    }

    @Test
    void a_password_never_checked_pays_the_slow_check() {
        assertThat(passwords.matches("correct horse", stored)).isTrue();
        String otherAccount = slow.encode("battery staple");

        assertThat(passwords.matches("battery staple", otherAccount)).isTrue();
        assertThat(slow.checks).isEqualTo(2);
    }

    @Test
    void a_wrong_password_is_never_remembered_and_pays_the_slow_check_every_time() {
        assertThat(passwords.matches("correct horse", stored)).isTrue();

        assertThat(passwords.matches("wrong horse", stored)).isFalse();
        assertThat(passwords.matches("wrong horse", stored)).isFalse();
        assertThat(slow.checks).isEqualTo(3);
        assertThat(passwords.size()).isEqualTo(1);
    }

    @Test
    void a_remembered_password_is_checked_again_once_its_time_is_up() {
        assertThat(passwords.matches("correct horse", stored)).isTrue();
        clock.move(Duration.ofMinutes(4));
        assertThat(passwords.matches("correct horse", stored)).isTrue();
        assertThat(slow.checks).isEqualTo(1);

        clock.move(Duration.ofMinutes(1));
        assertThat(passwords.matches("correct horse", stored)).isTrue();
        assertThat(slow.checks).isEqualTo(2);
    }

    @Test
    void a_changed_password_does_not_match_what_was_remembered_for_the_old_one() {
        assertThat(passwords.matches("correct horse", stored)).isTrue();
        String changed = slow.encode("new horse");

        assertThat(passwords.matches("correct horse", changed)).isFalse();
        assertThat(passwords.matches("new horse", changed)).isTrue();
        assertThat(slow.checks).isEqualTo(3);
    }

    @Test
    void with_no_time_to_remember_every_check_is_slow() {
        VerifiedPasswords never = new VerifiedPasswords(slow, Duration.ZERO, clock);

        assertThat(never.matches("correct horse", stored)).isTrue();
        assertThat(never.matches("correct horse", stored)).isTrue();
        assertThat(slow.checks).isEqualTo(2);
    }

    @Test
    void passwords_are_stored_by_the_slow_encoder() {
        assertThat(passwords.encode("correct horse")).startsWith("{bcrypt}");
    }

    /** The real BCrypt encoder, counting how often it checks a password. */
    private static final class CountingEncoder implements PasswordEncoder {

        private final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        private int checks;

        @Override
        public String encode(CharSequence rawPassword) {
            return bcrypt.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            checks++;
            return bcrypt.matches(rawPassword, encodedPassword);
        }
    }
}
