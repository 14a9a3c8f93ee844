package nl.mboexchange.node.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers, for a short while, which passwords passed the slow check against which stored hash, so that HTTP Basic
 * (a password on every request) pays the slow hash once per client rather than on every request. Passwords stay
 * stored slowly hashed; a wrong password is never remembered and always pays the full check.
 *
 * <p>An entry's key is an HMAC, under a key drawn at random when the process starts, of the stored hash and the
 * password: neither the password nor a fast hash of it is kept, and the table is useless outside this process. As
 * the stored hash is part of the key, an account whose password changes no longer matches what was remembered for
 * it. An entry lasts {@link LoginProperties#verifiedPasswordsFor()} from its check.
 *
 * <p>Clients that share an account (a SIS with many connections) present its password at the same moment: when the
 * node starts, and each time the entry runs out. One of them pays the slow check; the others with the same password
 * wait for its outcome rather than each paying it at once. Only a pass is shared: a waiter whose password was
 * refused pays a full check of its own, so a wrong password costs each attempt as much as before.
 */
final class VerifiedPasswords implements PasswordEncoder {

    private static final String HMAC = "HmacSHA256";

    /** Above this many entries, expired ones are dropped. */
    static final int MAX_REMEMBERED = 10_000;

    private final PasswordEncoder slow;
    private final Duration remembered;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Instant> verified = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Boolean>> checking = new ConcurrentHashMap<>();

    VerifiedPasswords(PasswordEncoder slow, Duration remembered, Clock clock) {
        this.slow = slow;
        this.remembered = remembered;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, HMAC);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return slow.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || remembered.isZero()) {
            return slow.matches(rawPassword, encodedPassword);
        }
        String entry = entry(rawPassword, encodedPassword);
        Instant now = clock.instant();
        Instant until = verified.get(entry);
        if (until != null && until.isAfter(now)) {
            return true;
        }
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = checking.putIfAbsent(entry, mine);
        if (running != null) {
            boolean passed = running.handle((matched, failed) -> Boolean.TRUE.equals(matched))
                    .join();
            return passed || slow.matches(rawPassword, encodedPassword);
        }
        try {
            boolean matched = slow.matches(rawPassword, encodedPassword);
            if (matched) {
                remember(entry, now);
            }
            mine.complete(matched);
            return matched;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(entry, mine);
        }
    }

    private void remember(String entry, Instant now) {
        if (verified.size() >= MAX_REMEMBERED) {
            verified.values().removeIf(expiry -> !expiry.isAfter(now));
        }
        verified.put(entry, now.plus(remembered));
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return slow.upgradeEncoding(encodedPassword);
    }

    /** How many checked passwords are remembered now, expired ones included until they are dropped. */
    int size() {
        return verified.size();
    }

    private String entry(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
