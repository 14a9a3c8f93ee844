package nl.mboexchange.node.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedPasswordsTest {

    private final CountingEncoder slow = new CountingEncoder();
    private final MovingClock clock = new MovingClock();
    private final VerifiedPasswords passwords = new VerifiedPasswords(slow, Duration.ofMinutes(5), clock);
    private final String stored = slow.encode("correct horse");
    private final ExecutorService others = Executors.newFixedThreadPool(5);
    private final HeldEncoder held = new HeldEncoder();
    private final VerifiedPasswords shared = new VerifiedPasswords(held, Duration.ofMinutes(5), clock);
    private final String heldHash = held.encode("correct horse");

    @AfterEach
    void stopOthers() {
        others.shutdownNow();
    }

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
    void clients_presenting_the_same_password_at_once_share_one_slow_check() throws Exception {
        List<Boolean> answers = presentAtOnce("correct horse");

        assertThat(answers).hasSize(5).containsOnly(true);
        assertThat(held.checks).hasValue(1);
    }

    @Test
    void a_wrong_password_presented_at_once_by_many_pays_the_slow_check_for_each() throws Exception {
        List<Boolean> answers = presentAtOnce("wrong horse");

        assertThat(answers).hasSize(5).containsOnly(false);
        assertThat(held.checks).hasValue(5);
        assertThat(shared.size()).isZero();
    }

    /**
     * Five clients present the password for {@link #heldHash}: the first is held in its slow check until the four
     * others wait for it, then let go. Returns every client's answer.
     */
    private List<Boolean> presentAtOnce(String password) throws Exception {
        VerifiedPasswords passwords = shared;
        String hash = heldHash;
        List<Future<Boolean>> answers = new ArrayList<>();
        answers.add(others.submit(() -> passwords.matches(password, hash)));
        held.entered.await();
        List<Thread> waiting = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(others.submit(() -> {
                waiting.add(Thread.currentThread());
                return passwords.matches(password, hash);
            }));
        }
        awaitWaiting(waiting, 4);
        held.release.countDown();
        List<Boolean> answered = new ArrayList<>();
        for (Future<Boolean> answer : answers) {
            answered.add(answer.get());
        }
        return answered;
    }

    @Test
    void passwords_are_stored_by_the_slow_encoder() {
        assertThat(passwords.encode("correct horse")).startsWith("{bcrypt}");
    }

    /** Waits until each of the threads, once started, is parked: waiting for the check another thread runs. */
    private static void awaitWaiting(List<Thread> threads, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<Thread> started = List.copyOf(threads);
            if (started.size() == count
                    && started.stream().allMatch(thread -> thread.getState() == Thread.State.WAITING)) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the other checks did not wait for the first");
    }

    /** The real BCrypt encoder, whose first check is held until released; counts every check. */
    private static final class HeldEncoder implements PasswordEncoder {

        private final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        private final AtomicInteger checks = new AtomicInteger();
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String encode(CharSequence rawPassword) {
            return bcrypt.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            if (checks.incrementAndGet() == 1) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return bcrypt.matches(rawPassword, encodedPassword);
        }
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
