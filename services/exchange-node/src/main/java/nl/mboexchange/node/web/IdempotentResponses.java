package nl.mboexchange.node.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import nl.mboexchange.node.idempotency.IdempotentExecution;
import nl.mboexchange.node.idempotency.StoredResponse;
import nl.mboexchange.node.shared.InvalidValue;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a command endpoint idempotent under the {@value #HEADER} header: the same key with the same request returns
 * the first response (marked {@value #REPLAYED}) without running the command again; the same key with another
 * request is refused. Without the header the command simply runs.
 */
@Component
public class IdempotentResponses {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotentExecution execution;
    private final JsonMapper mapper;

    IdempotentResponses(IdempotentExecution execution, JsonMapper mapper) {
        this.execution = execution;
        this.mapper = mapper;
    }

    /**
     * Runs the command once per key.
     *
     * @param key the idempotency key, or {@code null}
     * @param request the HTTP request, whose method, path and user are part of the key's scope
     * @param body the parsed request body, or {@code null}
     * @param type the response body's type
     * @param command runs the command and renders its response
     */
    public <T> ResponseEntity<T> respond(
            String key, HttpServletRequest request, Object body, Class<T> type, Supplier<ResponseEntity<T>> command) {
        if (key == null) {
            return command.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidValue(HEADER, HEADER + " must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters");
        }
        String principal = request.getUserPrincipal() == null
                ? ""
                : request.getUserPrincipal().getName();
        String fingerprint =
                sha256(request.getMethod() + " " + request.getRequestURI() + "\n" + mapper.writeValueAsString(body));
        List<T> answered = new ArrayList<>(1);
        StoredResponse stored = execution.execute(principal, key, fingerprint, () -> {
            ResponseEntity<T> response = command.get();
            answered.add(response.getBody());
            URI location = response.getHeaders().getLocation();
            return new StoredResponse(
                    response.getStatusCode().value(),
                    location == null ? null : location.toString(),
                    mapper.writeValueAsString(response.getBody()),
                    false);
        });
        ResponseEntity.BodyBuilder response = ResponseEntity.status(stored.status());
        if (stored.location() != null) {
            response.location(URI.create(stored.location()));
        }
        if (stored.replayed()) {
            response.header(REPLAYED, "true");
            return response.body(mapper.readValue(stored.body(), type));
        }
        // The body just stored, as the object it was written from: the same mapper writes it the same way again.
        return response.body(answered.get(0));
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
