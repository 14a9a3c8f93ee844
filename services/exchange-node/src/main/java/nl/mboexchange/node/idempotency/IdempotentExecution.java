package nl.mboexchange.node.idempotency;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs a command at most once per idempotency key. The key is claimed in the command's own transaction: when the
 * command fails, the claim rolls back with it and the key can be used again; when two submissions race, the second
 * waits for the first and then gets its response.
 */
@Service
public class IdempotentExecution {

    private static final String CLAIM = """
            insert into idempotent_request (principal, idempotency_key, fingerprint, created_at)
            values (?, ?, ?, ?) on conflict do nothing
            """;
    private static final String FIND = """
            select fingerprint, response_status, response_location, response_body from idempotent_request
            where principal = ? and idempotency_key = ?
            """;
    private static final String COMPLETE = """
            update idempotent_request set response_status = ?, response_location = ?, response_body = ?
            where principal = ? and idempotency_key = ?
            """;

    private static final String DECIDED = """
            select idempotency_key, fingerprint, created_at, response_status, response_location, response_body
            from idempotent_request where principal = ? and idempotency_key = any(?)
            """;
    private static final String RECORD = """
            insert into idempotent_request (principal, idempotency_key, fingerprint, created_at, response_status,
                response_location, response_body)
            values (?, ?, ?, ?, ?, ?, ?)
            """;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    IdempotentExecution(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Runs the command, or returns the response of its earlier run under the same key.
     *
     * @param principal who submits; keys are per principal
     * @param key the idempotency key
     * @param fingerprint what identifies the request (method, path, body); the same key with another fingerprint is
     *     refused
     * @param command runs the command and renders its response
     * @throws IdempotencyKeyReused when the key was used for another request
     */
    @Transactional
    public StoredResponse execute(String principal, String key, String fingerprint, Supplier<StoredResponse> command) {
        int claimed = jdbc.update(CLAIM, principal, key, fingerprint, Timestamp.from(clock.instant()));
        if (claimed == 0) {
            List<StoredResponse> earlier = jdbc.query(
                    FIND,
                    (rs, row) -> {
                        if (!fingerprint.equals(rs.getString("fingerprint"))) {
                            throw new IdempotencyKeyReused(key);
                        }
                        return new StoredResponse(
                                rs.getInt("response_status"),
                                rs.getString("response_location"),
                                rs.getString("response_body"),
                                true);
                    },
                    principal,
                    key);
            return earlier.get(0);
        }
        StoredResponse response = command.get();
        jdbc.update(COMPLETE, response.status(), response.location(), response.body(), principal, key);
        return response;
    }

    /**
     * For a batch of commands decided together: the keys among these that were used before, each with the fingerprint
     * of the request it was first used for, when, and the response it got.
     */
    @Transactional(readOnly = true)
    public Map<String, Earlier> decidedBefore(String principal, Collection<String> keys) {
        Map<String, Earlier> used = new HashMap<>();
        if (keys.isEmpty()) {
            return used;
        }
        String[] array = keys.toArray(String[]::new);
        jdbc.query(
                con -> {
                    PreparedStatement ps = con.prepareStatement(DECIDED);
                    ps.setString(1, principal);
                    ps.setArray(2, con.createArrayOf("text", array));
                    return ps;
                },
                (ResultSet rs) -> {
                    used.put(
                            rs.getString("idempotency_key"),
                            new Earlier(
                                    rs.getString("fingerprint"),
                                    rs.getTimestamp("created_at").toInstant(),
                                    new StoredResponse(
                                            rs.getInt("response_status"),
                                            rs.getString("response_location"),
                                            rs.getString("response_body"),
                                            true)));
                });
        return used;
    }

    /**
     * Records a batch of keys as used, each with its request's fingerprint and response, in the caller's transaction;
     * the caller checked with {@link #decidedBefore} that none was used before.
     *
     * @throws org.springframework.dao.DuplicateKeyException when a key was used meanwhile, by a concurrent transaction
     */
    @Transactional
    public void recordAll(String principal, List<Decided> decided) {
        if (decided.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate(RECORD, decided, decided.size(), (ps, one) -> {
            ps.setString(1, principal);
            ps.setString(2, one.key());
            ps.setString(3, one.fingerprint());
            ps.setTimestamp(4, now);
            ps.setInt(5, one.response().status());
            ps.setString(6, one.response().location());
            ps.setString(7, one.response().body());
        });
    }

    /**
     * A request decided under its idempotency key.
     *
     * @param key the idempotency key
     * @param fingerprint what identifies the request
     * @param response what it was answered
     */
    public record Decided(String key, String fingerprint, StoredResponse response) {}

    /**
     * What was decided before under an idempotency key.
     *
     * @param fingerprint what identified the request
     * @param decidedAt when it was decided
     * @param response what it was answered
     */
    public record Earlier(String fingerprint, Instant decidedAt, StoredResponse response) {}
}
