package nl.mboexchange.benchmark.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fault suite's arguments, {@code key=value}; see the module's README for each.
 *
 * @param enrolments N: enrolments whose results and corrections travel, shared out over the faults that run
 * @param faults the faults to run, by name, in this order
 * @param retryCap the nodes' retry cap, for the intake and the outbox publisher; {@code null}: the node's default
 * @param outage how long PostgreSQL is stopped and the registry cut off; longer than the retry cap
 * @param haltAfterBatches the host halts after this many acknowledged outbox batches once its crash point is armed
 * @param poison undecodable records put on the host's channel to home
 * @param forged records on that channel that claim another member as their sender
 * @param partitions partitions of the exchange channels
 * @param nodeHeap {@code -Xmx} of each node
 * @param settleTimeout how long the suite waits for a fault's slice to arrive before it counts what did
 * @param output where the JSON and the nodes' logs go
 */
public record FaultSuiteParameters(
        int enrolments,
        List<String> faults,
        Duration retryCap,
        Duration outage,
        int haltAfterBatches,
        int poison,
        int forged,
        int partitions,
        String nodeHeap,
        Duration settleTimeout,
        Path output) {

    /** The node's own retry cap ({@code mbo.intake.retry-max-interval}, {@code mbo.kafka.publish-retry-max-interval}). */
    static final Duration NODE_RETRY_CAP = Duration.ofSeconds(30);

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

    private static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("n", "10000");
        defaults.put("faults", String.join(",", FaultCatalogue.names()));
        defaults.put("retry-cap", "");
        defaults.put("outage", "");
        defaults.put("halt-after-batches", "2");
        defaults.put("poison", "20");
        defaults.put("forged", "20");
        defaults.put("partitions", "4");
        defaults.put("node-heap", "768m");
        defaults.put("settle-timeout", "10m");
        defaults.put("output", "target/fault-suite");
        return defaults;
    }

    public static FaultSuiteParameters parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        for (String arg : args) {
            for (String pair : arg.trim().split("\\s+")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                if (equals < 1 || !DEFAULTS.containsKey(pair.substring(0, equals))) {
                    throw new IllegalArgumentException("not a key=value argument of the fault suite: " + pair);
                }
                values.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        List<String> faults = Arrays.stream(values.get("faults").split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .toList();
        for (String fault : faults) {
            if (!FaultCatalogue.names().contains(fault)) {
                throw new IllegalArgumentException(
                        "unknown fault " + fault + "; the faults are " + String.join(",", FaultCatalogue.names()));
            }
        }
        Duration retryCap = values.get("retry-cap").isBlank() ? null : duration(values.get("retry-cap"));
        Duration outage = values.get("outage").isBlank()
                ? (retryCap == null ? NODE_RETRY_CAP : retryCap).plusSeconds(5)
                : duration(values.get("outage"));
        int enrolments = positive(values, "n");
        if (enrolments < faults.size()) {
            throw new IllegalArgumentException("n must be at least one enrolment per fault");
        }
        return new FaultSuiteParameters(
                enrolments,
                faults,
                retryCap,
                outage,
                positive(values, "halt-after-batches"),
                Integer.parseInt(values.get("poison")),
                Integer.parseInt(values.get("forged")),
                positive(values, "partitions"),
                values.get("node-heap"),
                duration(values.get("settle-timeout")),
                Path.of(values.get("output")));
    }

    /** The keys and their defaults, for the usage line. */
    public static String keys() {
        return DEFAULTS.toString();
    }

    /** The retry cap the nodes run with. */
    Duration effectiveRetryCap() {
        return retryCap == null ? NODE_RETRY_CAP : retryCap;
    }

    private static int positive(Map<String, String> values, String key) {
        int value = Integer.parseInt(values.get(key));
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be at least 1");
        }
        return value;
    }

    private static Duration duration(String text) {
        Matcher matcher = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a duration such as 500ms, 35s or 2m: " + text);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }
}
