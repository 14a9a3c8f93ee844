package nl.mboexchange.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.mboexchange.benchmark.node.IdleCost;

/**
 * What a network run measures. Its own keys are {@code schools}, {@code idle-settle-seconds}, {@code idle-seconds}
 * and {@code compare}; every other key is one of {@link BenchmarkParameters}, with defaults of its own for a network
 * (no floor, no steady phases, no REST, a smaller heap per node, a burst that divides evenly over 9 homes).
 *
 * @param schools schools of the network: one host, the rest homes
 * @param idle how long the nodes settle after seeding, and how long they are then sampled with nothing to do
 * @param compare whether the two-node shape (one host, one home) is measured first, with the same parameters
 * @param benchmark the parameters both measurements share
 */
public record NetworkParameters(int schools, IdleCost.Plan idle, boolean compare, BenchmarkParameters benchmark) {

    /** The network's defaults of the keys it shares with the exchange benchmark. */
    private static final List<String> BENCHMARK_DEFAULTS = List.of(
            "floors=false",
            "rates=",
            "rest-seconds=0",
            "node-heap=384m",
            "burst=18000",
            "warmup=18000",
            "warmup-rounds=3",
            "output=target/benchmark-network");

    private static final Map<String, String> DEFAULTS = Map.of(
            "schools", "10",
            "idle-settle-seconds", "30",
            "idle-seconds", "60",
            "compare", "true");

    public NetworkParameters {
        if (schools < 2) {
            throw new IllegalArgumentException("a network needs at least 2 schools, not " + schools);
        }
    }

    /** The keys of a network run, with their defaults; for the usage message. */
    public static Map<String, String> keys() {
        Map<String, String> keys = new LinkedHashMap<>(DEFAULTS);
        BENCHMARK_DEFAULTS.forEach(pair -> keys.put(pair.split("=", 2)[0], pair.split("=", 2)[1]));
        return keys;
    }

    /** The parameters from the program's arguments: its own keys, then those of the exchange benchmark. */
    public static NetworkParameters parse(String... args) {
        Map<String, String> own = new LinkedHashMap<>(DEFAULTS);
        List<String> shared = new ArrayList<>(BENCHMARK_DEFAULTS);
        for (String arg : args) {
            for (String pair : arg.trim().split("\\s+")) {
                String key = pair.replaceFirst("^--", "").split("=", 2)[0];
                if (pair.isEmpty()) {
                    continue;
                }
                if (DEFAULTS.containsKey(key) && pair.contains("=")) {
                    own.put(key, pair.split("=", 2)[1]);
                } else {
                    shared.add(pair);
                }
            }
        }
        return new NetworkParameters(
                Integer.parseInt(own.get("schools")),
                new IdleCost.Plan(
                        Duration.ofSeconds(Long.parseLong(own.get("idle-settle-seconds"))),
                        Duration.ofSeconds(Long.parseLong(own.get("idle-seconds")))),
                Boolean.parseBoolean(own.get("compare")),
                BenchmarkParameters.parse(shared.toArray(String[]::new)));
    }

    /** A run of seconds that only proves every result arrives once in a small network: the CI smoke run. */
    public static NetworkParameters smoke(Path output) {
        return new NetworkParameters(
                3,
                new IdleCost.Plan(Duration.ZERO, Duration.ofSeconds(1)),
                false,
                new BenchmarkParameters(
                        60,
                        0,
                        1,
                        List.of(),
                        Duration.ofSeconds(1),
                        "sis",
                        1,
                        2,
                        1,
                        Duration.ZERO,
                        1,
                        1,
                        1,
                        1,
                        Duration.ofSeconds(1),
                        false,
                        true,
                        "384m",
                        "",
                        false,
                        output,
                        "smoke"));
    }

    /** The network's own parameters, for the report. */
    public Map<String, Object> own() {
        Map<String, Object> own = new LinkedHashMap<>();
        own.put("schools", schools);
        own.put("idleSettleSeconds", idle.settle().toSeconds());
        own.put("idleSeconds", idle.sample().toSeconds());
        own.put("compare", compare);
        return own;
    }
}
