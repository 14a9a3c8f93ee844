package nl.mboexchange.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request to the registry and returns its answer, retrying, within the bounds of {@link RegistrySettings},
 * what failed for want of a registry: no connection, no answer in time, HTTP 5xx, 408 or 429. Any other answer is
 * returned as it is, for the caller to interpret.
 */
final class RegistryTransport {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final Logger log = LoggerFactory.getLogger(RegistryTransport.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    // As Confluent's client sends it.
    private static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";

    // One connection pool and selector thread per connect timeout, instead of one per serializer instance.
    private static final Map<Duration, HttpClient> HTTP_CLIENTS = new ConcurrentHashMap<>();

    private final RegistrySettings settings;
    private final HttpClient http;
    private final List<Endpoint> endpoints;
    private final AtomicInteger preferredEndpoint = new AtomicInteger();

    RegistryTransport(RegistrySettings settings) {
        this.settings = settings;
        this.http = HTTP_CLIENTS.computeIfAbsent(
                settings.connectTimeout(),
                timeout -> HttpClient.newBuilder()
                        .connectTimeout(timeout)
                        // Plain HTTP/1.1: the JDK's h2c upgrade attempt buys nothing for a handful of tiny requests.
                        .version(HttpClient.Version.HTTP_1_1)
                        .build());
        this.endpoints = settings.urls().stream()
                .map(url -> Endpoint.of(url, settings.userInfo()))
                .toList();
    }

    Answer exchange(String method, String path, String body) {
        int attempts = settings.maxRetries() + 1;
        int first = preferredEndpoint.get();
        String lastProblem = "";
        Throwable lastCause = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            if (attempt > 0) {
                pause(attempt, method, path, lastProblem);
            }
            int index = (first + attempt) % endpoints.size();
            Endpoint endpoint = endpoints.get(index);
            CompletableFuture<HttpResponse<String>> pending = http.sendAsync(
                    endpoint.request(method, path, body, settings), HttpResponse.BodyHandlers.ofString());
            try {
                // The request timeout only covers the wait for headers; this bounds the body as well.
                HttpResponse<String> response = pending.get(
                        settings.requestTimeout().toMillis()
                                + settings.connectTimeout().toMillis(),
                        TimeUnit.MILLISECONDS);
                int status = response.statusCode();
                if (status >= 500 || status == 408 || status == 429) {
                    lastProblem = endpoint.base() + " answered HTTP " + status + " " + abbreviate(response.body());
                    lastCause = null;
                    continue;
                }
                preferredEndpoint.set(index);
                return Answer.of(status, response.body());
            } catch (TimeoutException e) {
                pending.cancel(true);
                lastProblem = endpoint.base() + " did not answer in time";
                lastCause = e;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (!(cause instanceof IOException)) {
                    throw new RegistryRequestFailed(method + " " + endpoint.base() + path + " failed: " + cause, cause);
                }
                lastProblem = endpoint.base() + " could not be reached: " + describe(cause);
                lastCause = cause;
            } catch (InterruptedException e) {
                pending.cancel(true);
                Thread.currentThread().interrupt();
                throw new RegistryUnavailable("interrupted while calling the schema registry", e);
            }
        }
        throw new RegistryUnavailable(
                method + " " + path + " failed after " + attempts + " attempt(s); last: " + lastProblem, lastCause);
    }

    private void pause(int attempt, String method, String path, String lastProblem) {
        long wait = settings.retryWait().toMillis() << Math.min(attempt - 1, 20);
        wait = Math.max(0, Math.min(wait, settings.retryMaxWait().toMillis()));
        log.warn(
                "Schema registry call {} {} failed ({}); retry {} of {} in {} ms",
                method,
                path,
                lastProblem,
                attempt,
                settings.maxRetries(),
                wait);
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailable("interrupted while waiting to retry the schema registry", e);
        }
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }

    private record Endpoint(String base, String authorization) {

        static Endpoint of(URI url, String userInfo) {
            String credentials = userInfo != null ? userInfo : url.getUserInfo();
            String authorization = credentials == null
                    ? null
                    : "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
            String path = url.getRawPath() == null ? "" : url.getRawPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String port = url.getPort() == -1 ? "" : ":" + url.getPort();
            return new Endpoint(url.getScheme() + "://" + url.getHost() + port + path, authorization);
        }

        HttpRequest request(String method, String path, String body, RegistrySettings settings) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(settings.requestTimeout())
                    .header("Accept", ACCEPT)
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null) {
                builder.header("Content-Type", CONTENT_TYPE);
            }
            if (authorization != null) {
                builder.header("Authorization", authorization);
            }
            return builder.build();
        }

        @Override
        public String toString() {
            return base;
        }
    }

    record Answer(int status, int errorCode, String message, JsonNode body) {

        /**
         * Only a 404 with a registry error code (40401 subject, 40402 version, 40403 schema, 40408 subject config)
         * means "not there"; a bare 404 means the base URL does not serve the API at all, which must not pass for
         * an unknown schema and send good records to a dead-letter topic.
         */
        boolean isNotFound() {
            return status == 404 && errorCode >= 40400 && errorCode < 40500;
        }

        static Answer of(int status, String text) {
            JsonNode json;
            try {
                json = text == null || text.isBlank() ? NullNode.getInstance() : JSON.readTree(text);
            } catch (JsonProcessingException e) {
                return new Answer(status, -1, abbreviate(text), null);
            }
            JsonNode code = json.get("error_code");
            JsonNode message = json.get("message");
            return new Answer(
                    status,
                    code != null && code.canConvertToInt() ? code.intValue() : -1,
                    message != null && message.isTextual() ? message.textValue() : abbreviate(text),
                    json);
        }
    }
}
