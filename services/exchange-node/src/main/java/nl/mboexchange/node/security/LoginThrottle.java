package nl.mboexchange.node.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed sign-ins per user name and per address. After {@link LoginProperties#allowedFailures()} failures in
 * a row, every further attempt for that user name or from that address is refused without checking its password,
 * for a window that doubles with each failure after it, up to {@link LoginProperties#longestLock()}. A correct
 * password during the window is refused as well, so guessing never gets cheaper than one try per window. A success
 * clears the counts of its user name and address.
 *
 * <p>The counts live in this process: a node that restarts starts counting again. They are bounded: failures older
 * than {@link LoginProperties#forgetFailuresAfter()} are dropped when the table grows large.
 */
final class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    /** Above this many user names and addresses, forgotten ones are dropped first, then every unlocked one. */
    static final int MAX_TRACKED = 100_000;

    private final LoginProperties properties;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(LoginProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** How long attempts of this user name or from this address are still refused, if they are. */
    Optional<Duration> refusedFor(String username, String address) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String key : keys(username, address)) {
            Failures counted = failures.get(key);
            if (counted != null && counted.lockedUntil().isAfter(now)) {
                Duration left = Duration.between(now, counted.lockedUntil());
                longest = left.compareTo(longest) > 0 ? left : longest;
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /** A password was checked and was wrong (or the user name is unknown). */
    void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            forget(now);
        }
        for (String key : keys(username, address)) {
            Failures counted = failures.compute(key, (k, before) -> next(before, now));
            if (counted.lockedUntil().isAfter(now)) {
                // The user name an account signs in with, or the address: never the password.
                log.warn(
                        "Sign-in refused for {} for {} after {} failed attempts in a row",
                        key,
                        Duration.between(now, counted.lockedUntil()),
                        counted.count());
            }
        }
    }

    /** A password was checked and was right. */
    void succeeded(String username, String address) {
        for (String key : keys(username, address)) {
            failures.remove(key);
        }
    }

    private Failures next(Failures before, Instant now) {
        int count = before == null || before.forgotten(now, properties.forgetFailuresAfter()) ? 1 : before.count() + 1;
        Instant lockedUntil = count < properties.allowedFailures() ? now : now.plus(lock(count));
        return new Failures(count, now, lockedUntil);
    }

    private Duration lock(int count) {
        int doublings = Math.min(count - properties.allowedFailures(), 30);
        Duration lock = properties.firstLock().multipliedBy(1L << doublings);
        return lock.compareTo(properties.longestLock()) > 0 ? properties.longestLock() : lock;
    }

    private void forget(Instant now) {
        failures.values().removeIf(counted -> counted.forgotten(now, properties.forgetFailuresAfter()));
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(counted -> !counted.lockedUntil().isAfter(now));
        }
    }

    private static String[] keys(String username, String address) {
        String user = "user '" + (username == null ? "" : username.toLowerCase(Locale.ROOT)) + "'";
        return address == null ? new String[] {user} : new String[] {user, "address " + address};
    }

    private record Failures(int count, Instant last, Instant lockedUntil) {

        boolean forgotten(Instant now, Duration after) {
            return !lockedUntil.isAfter(now) && last.plus(after).isBefore(now);
        }
    }
}
