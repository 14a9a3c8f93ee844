package nl.mboexchange.serde;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to reach the schema registry, and how long to try. Built from configuration by
 * {@link AvroSerdeConfig#registrySettings()}, or directly.
 *
 * @param urls base URLs, tried in turn; each may carry a path, such as Apicurio's {@code /apis/ccompat/v7}
 * @param userInfo {@code user:password} for HTTP basic authentication, or {@code null} to use the user info
 *     of each URL, if any
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for an answer once connected
 * @param maxRetries how many times a failed request is retried; the first attempt is not counted
 * @param retryWait the wait before the first retry, doubled before each further one
 * @param retryMaxWait the longest wait between two attempts
 * @param latestCacheTtl how long the latest version of a subject is remembered; negative for ever
 */
public record RegistrySettings(
        List<URI> urls,
        String userInfo,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxRetries,
        Duration retryWait,
        Duration retryMaxWait,
        Duration latestCacheTtl) {

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final int DEFAULT_MAX_RETRIES = 3;
    static final Duration DEFAULT_RETRY_WAIT = Duration.ofMillis(200);
    static final Duration DEFAULT_RETRY_MAX_WAIT = Duration.ofSeconds(2);

    public RegistrySettings {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("at least one schema registry URL is needed");
        }
        for (URI url : urls) {
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new IllegalArgumentException("schema registry URL must be http or https: " + url);
            }
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retryWait, "retryWait");
        Objects.requireNonNull(retryMaxWait, "retryMaxWait");
        Objects.requireNonNull(latestCacheTtl, "latestCacheTtl");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative: " + maxRetries);
        }
    }

    /**
     * Settings with the defaults of {@link AvroSerdeConfig}.
     *
     * @param url one base URL
     * @return settings for that registry
     */
    public static RegistrySettings of(String url) {
        return new RegistrySettings(
                List.of(URI.create(url)),
                null,
                DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_REQUEST_TIMEOUT,
                DEFAULT_MAX_RETRIES,
                DEFAULT_RETRY_WAIT,
                DEFAULT_RETRY_MAX_WAIT,
                Duration.ofSeconds(-1));
    }

    @Override
    public String toString() {
        // user info holds a password
        List<String> safeUrls = urls.stream()
                .map(url -> url.getRawUserInfo() == null
                        ? url.toString()
                        : url.toString().replace(url.getRawUserInfo() + "@", "***@"))
                .toList();
        return "RegistrySettings[urls=" + safeUrls + ", connectTimeout=" + connectTimeout + ", requestTimeout="
                + requestTimeout + ", maxRetries=" + maxRetries + ", retryWait=" + retryWait + ", retryMaxWait="
                + retryMaxWait + ", latestCacheTtl=" + latestCacheTtl + "]";
    }
}
