package nl.mboexchange.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a run measures and how much. Every value can be given as an argument {@code key=value} (several in one
 * argument, separated by spaces, as Maven passes them) or as a system property {@code -Dbenchmark.key=value}.
 *
 * @param burst results recorded in the burst (N)
 * @param warmup results of one warm-up round: recorded before the burst and not reported, so that both nodes run
 *     compiled code
 * @param warmupRounds at most this many warm-up rounds; the warm-up ends after the first round in which neither
 *     node's JIT compilers were busy for more than a fifth of it
 * @param rates the offered rates of the steady phases, results per second
 * @param steady how long each steady phase offers its rate
 * @param feed how the host is fed its results: {@code sis} (the default), {@code RecordResult} commands on its SIS
 *     commands topic, the path a SIS takes to record a cohort's results, decided a poll at a time; or {@code
 *     service}, its application service called from {@code feedThreads} threads in its own JVM, one transaction per
 *     result, as the REST API does per request
 * @param feedThreads with {@code feed=service}: threads at the host that record results concurrently, as many
 *     registrars would
 * @param partitions partitions of every topic, the exchange channels and the Kafka floor's alike
 * @param restClients concurrent clients sending registrars' commands to the home node's REST API
 * @param rest how long those clients are measured, after a warm-up as long; zero leaves the REST API out
 * @param floorEvents events of the batched PostgreSQL floor
 * @param floorBatch events per transaction in the batched PostgreSQL floor
 * @param floorSingleEvents events of the PostgreSQL floor with one transaction per event
 * @param kafkaRecords records of the Kafka floor's throughput run
 * @param kafkaLatency how long the Kafka floor offers each steady rate to measure its latency
 * @param floors whether to measure the raw floor
 * @param nodes whether to measure the nodes
 * @param nodeHeap {@code -Xmx} of each node's JVM
 * @param nodeJvmOptions more options of each node's JVM, separated by commas, e.g. {@code -XX:TieredStopAtLevel=1}
 * @param jfr whether each node records a JFR profile of the run into the output directory
 * @param output the directory of the JSON report (and profiles)
 * @param label free text kept with the figures, e.g. whether the machine was otherwise idle
 */
public record BenchmarkParameters(
        int burst,
        int warmup,
        int warmupRounds,
        List<Integer> rates,
        Duration steady,
        String feed,
        int feedThreads,
        int partitions,
        int restClients,
        Duration rest,
        int floorEvents,
        int floorBatch,
        int floorSingleEvents,
        int kafkaRecords,
        Duration kafkaLatency,
        boolean floors,
        boolean nodes,
        String nodeHeap,
        String nodeJvmOptions,
        boolean jfr,
        Path output,
        String label) {

    private static final String PROPERTY_PREFIX = "benchmark.";

    private static final Map<String, String> DEFAULTS = defaults();

    public BenchmarkParameters {
        rates = List.copyOf(rates);
        if (burst < 1
                || warmup < 0
                || warmupRounds < 1
                || feedThreads < 1
                || partitions < 1
                || restClients < 1
                || floorBatch < 1) {
            throw new IllegalArgumentException(
                    "burst, warmup-rounds, feed-threads, partitions, rest-clients and floor-batch must be positive");
        }
        if (rest.isNegative()) {
            throw new IllegalArgumentException("rest-seconds must not be negative");
        }
        if (!List.of("service", "sis").contains(feed)) {
            throw new IllegalArgumentException("feed must be service or sis, not " + feed);
        }
        if (rates.stream().anyMatch(rate -> rate < 1)) {
            throw new IllegalArgumentException("every rate must be positive: " + rates);
        }
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("burst", "20000");
        defaults.put("warmup", "20000");
        defaults.put("warmup-rounds", "5");
        defaults.put("rates", "100,500,2000");
        defaults.put("steady-seconds", "20");
        defaults.put("feed", "sis");
        defaults.put("feed-threads", "4");
        defaults.put("partitions", "4");
        defaults.put("rest-clients", "20");
        defaults.put("rest-seconds", "20");
        defaults.put("floor-events", "100000");
        defaults.put("floor-batch", "100");
        defaults.put("floor-single-events", "10000");
        defaults.put("kafka-records", "200000");
        defaults.put("kafka-latency-seconds", "5");
        defaults.put("floors", "true");
        defaults.put("nodes", "true");
        defaults.put("node-heap", "1g");
        defaults.put("node-jvm-options", "");
        defaults.put("jfr", "false");
        defaults.put("output", "target/benchmark");
        defaults.put("label", "");
        return Map.copyOf(defaults);
    }

    /** The keys a run accepts, with their defaults; for the usage message. */
    public static Map<String, String> keys() {
        return new LinkedHashMap<>(DEFAULTS);
    }

    /** The parameters from the program's arguments, then system properties, then the defaults. */
    public static BenchmarkParameters parse(String... args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            for (String pair : arg.trim().split("\\s+")) {
                if (pair.isEmpty()) {
                    continue;
                }
                String[] keyValue = pair.replaceFirst("^--", "").split("=", 2);
                if (keyValue.length != 2) {
                    throw new IllegalArgumentException("not key=value: " + pair);
                }
                given.put(keyValue[0], keyValue[1]);
            }
        }
        Set<String> unknown = new java.util.TreeSet<>(given.keySet());
        unknown.removeAll(DEFAULTS.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown parameter(s) " + unknown + "; known: " + DEFAULTS.keySet());
        }
        return from(key -> given.getOrDefault(key, System.getProperty(PROPERTY_PREFIX + key, DEFAULTS.get(key))));
    }

    /** A run of seconds that only proves every result arrives once: the CI smoke run. */
    public static BenchmarkParameters smoke(Path output) {
        return new BenchmarkParameters(
                200,
                0,
                1,
                List.of(50),
                Duration.ofSeconds(2),
                "sis",
                4,
                2,
                4,
                Duration.ofSeconds(2),
                1_000,
                100,
                200,
                2_000,
                Duration.ofSeconds(1),
                true,
                true,
                "512m",
                "",
                false,
                output,
                "smoke");
    }

    private static BenchmarkParameters from(java.util.function.Function<String, String> value) {
        return new BenchmarkParameters(
                Integer.parseInt(value.apply("burst")),
                Integer.parseInt(value.apply("warmup")),
                Integer.parseInt(value.apply("warmup-rounds")),
                Arrays.stream(value.apply("rates").split(","))
                        .map(String::trim)
                        .filter(rate -> !rate.isEmpty())
                        .map(Integer::valueOf)
                        .toList(),
                Duration.ofSeconds(Long.parseLong(value.apply("steady-seconds"))),
                value.apply("feed"),
                Integer.parseInt(value.apply("feed-threads")),
                Integer.parseInt(value.apply("partitions")),
                Integer.parseInt(value.apply("rest-clients")),
                Duration.ofSeconds(Long.parseLong(value.apply("rest-seconds"))),
                Integer.parseInt(value.apply("floor-events")),
                Integer.parseInt(value.apply("floor-batch")),
                Integer.parseInt(value.apply("floor-single-events")),
                Integer.parseInt(value.apply("kafka-records")),
                Duration.ofSeconds(Long.parseLong(value.apply("kafka-latency-seconds"))),
                Boolean.parseBoolean(value.apply("floors")),
                Boolean.parseBoolean(value.apply("nodes")),
                value.apply("node-heap"),
                value.apply("node-jvm-options"),
                Boolean.parseBoolean(value.apply("jfr")),
                Path.of(value.apply("output")),
                value.apply("label"));
    }

    /** How many results the steady phase at this rate records. */
    public int steadyCount(int rate) {
        return (int) Math.max(1, rate * steady.toMillis() / 1000);
    }

    /** How many enrolments a run may need: one per result of every warm-up round, the burst and every steady phase. */
    public int enrolments() {
        return warmup * warmupRounds
                + burst
                + rates.stream().mapToInt(this::steadyCount).sum();
    }
}
