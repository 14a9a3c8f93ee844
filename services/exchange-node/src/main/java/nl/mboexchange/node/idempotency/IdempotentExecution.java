package nl.mboexchange.node.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
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
}
