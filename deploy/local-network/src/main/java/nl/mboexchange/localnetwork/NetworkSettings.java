package nl.mboexchange.localnetwork;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the launcher starts, and where. Every setting is a command-line flag, and most have an environment variable
 * too, so that a script or CI can set them without quoting flags; a flag wins over the variable.
 *
 * @param schools the schools, each with the port of its node
 * @param dataDirectory where PostgreSQL, Kafka and the registry keep their data, and where the logs go
 * @param clean start from empty data
 * @param infrastructureOnly start Kafka, the registry and PostgreSQL but no node (to run a node from an IDE)
 * @param kafkaPort the broker's client port
 * @param kafkaControllerPort the KRaft controller's port
 * @param registryPort the schema registry's HTTP port
 * @param postgresPort PostgreSQL's port
 * @param topicPrefix put before every topic name, as the nodes do
 * @param nodeJar the exchange node's boot jar; found in this checkout when empty
 * @param registryJar the registry's {@code quarkus-run.jar}; found in this checkout when empty
 */
public record NetworkSettings(
        List<School> schools,
        Path dataDirectory,
        boolean clean,
        boolean infrastructureOnly,
        int kafkaPort,
        int kafkaControllerPort,
        int registryPort,
        int postgresPort,
        String topicPrefix,
        Optional<Path> nodeJar,
        Optional<Path> registryJar) {

    static final List<String> DEFAULT_SCHOOLS = List.of("25LX", "30GH");
    static final int DEFAULT_NODE_PORT = 8091;

    public NetworkSettings {
        schools = List.copyOf(schools);
        Set<Integer> ports = new LinkedHashSet<>();
        for (int port : allPorts(schools, kafkaPort, kafkaControllerPort, registryPort, postgresPort)) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
            if (!ports.add(port)) {
                throw new IllegalArgumentException("port " + port + " is given to two servers");
            }
        }
        if (schools.stream().map(School::code).distinct().count() != schools.size()) {
            throw new IllegalArgumentException("a school is named twice: " + schools);
        }
        if (!infrastructureOnly && schools.isEmpty()) {
            throw new IllegalArgumentException("no school to start; use --only-infrastructure to start none");
        }
    }

    /** Every port this network listens on, nodes last. */
    public List<Integer> ports() {
        return allPorts(schools, kafkaPort, kafkaControllerPort, registryPort, postgresPort);
    }

    private static List<Integer> allPorts(
            List<School> schools, int kafkaPort, int kafkaControllerPort, int registryPort, int postgresPort) {
        List<Integer> ports = new ArrayList<>(List.of(kafkaPort, kafkaControllerPort, registryPort, postgresPort));
        schools.forEach(school -> ports.add(school.port()));
        return ports;
    }

    /** Reads the flags, then the environment for what the flags leave out. */
    public static NetworkSettings parse(String[] args, Map<String, String> environment, Path defaultDataDirectory) {
        Map<String, String> flags = flags(args);
        Function<Setting, String> value = setting -> Optional.ofNullable(flags.remove(setting.flag))
                .or(() -> Optional.ofNullable(setting.variable).map(environment::get))
                .filter(text -> !text.isBlank())
                .orElse(setting.fallback);
        boolean clean = flags.remove("--clean") != null || "true".equalsIgnoreCase(environment.get("MBO_LOCAL_CLEAN"));
        boolean infrastructureOnly = flags.remove("--only-infrastructure") != null;

        int nodePort = port(value.apply(Setting.NODE_PORT), Setting.NODE_PORT);
        List<School> schools = new ArrayList<>();
        String codes = value.apply(Setting.SCHOOLS).trim();
        if (!codes.isEmpty() && !infrastructureOnly) {
            for (String code : codes.split("\\s*,\\s*")) {
                schools.add(new School(code, nodePort + schools.size()));
            }
        }
        NetworkSettings settings = new NetworkSettings(
                schools,
                Optional.ofNullable(value.apply(Setting.DATA_DIRECTORY))
                        .map(Path::of)
                        .orElse(defaultDataDirectory)
                        .toAbsolutePath()
                        .normalize(),
                clean,
                infrastructureOnly,
                port(value.apply(Setting.KAFKA_PORT), Setting.KAFKA_PORT),
                port(value.apply(Setting.KAFKA_CONTROLLER_PORT), Setting.KAFKA_CONTROLLER_PORT),
                port(value.apply(Setting.REGISTRY_PORT), Setting.REGISTRY_PORT),
                port(value.apply(Setting.POSTGRES_PORT), Setting.POSTGRES_PORT),
                value.apply(Setting.TOPIC_PREFIX),
                Optional.ofNullable(value.apply(Setting.NODE_JAR)).map(Path::of),
                Optional.ofNullable(value.apply(Setting.REGISTRY_JAR)).map(Path::of));
        if (!flags.isEmpty()) {
            throw new IllegalArgumentException(
                    "unknown option " + flags.keySet().iterator().next() + "\n\n" + usage());
        }
        return settings;
    }

    private static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'\n\n" + usage());
            }
            int equals = arg.indexOf('=');
            if (equals > 0) {
                flags.put(arg.substring(0, equals), arg.substring(equals + 1));
            } else if (arg.equals("--clean") || arg.equals("--only-infrastructure") || arg.equals("--help")) {
                flags.put(arg, "true");
            } else if (i + 1 < args.length) {
                flags.put(arg, args[++i]);
            } else {
                throw new IllegalArgumentException(arg + " needs a value\n\n" + usage());
            }
        }
        return flags;
    }

    private static int port(String text, Setting setting) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting.flag + ": '" + text + "' is not a port number");
        }
    }

    /** The help text: every flag, its variable and its default. */
    public static String usage() {
        StringBuilder usage = new StringBuilder("""
                Starts Kafka (KRaft), the schema registry, PostgreSQL and one exchange node per school on 127.0.0.1,
                prints READY with the URLs, and stops all of them on Ctrl-C or SIGTERM. Data is kept between runs.

                Options (a flag wins over its environment variable):
                  --clean                        start from empty data (env MBO_LOCAL_CLEAN=true)
                  --only-infrastructure          start Kafka, the registry and PostgreSQL, but no node
                """);
        for (Setting setting : Setting.values()) {
            List<String> notes = new ArrayList<>();
            if (setting.variable != null) {
                notes.add("env " + setting.variable);
            }
            if (setting.fallback != null) {
                notes.add("default " + setting.fallback);
            }
            usage.append(String.format(
                    "  %-30s %s%s%n",
                    setting.flag + " " + setting.placeholder,
                    setting.description,
                    notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")"));
        }
        usage.append("  --help                         this text\n");
        return usage.toString();
    }

    static boolean helpAsked(String[] args) {
        return List.of(args).contains("--help") || List.of(args).contains("-h");
    }

    private enum Setting {
        SCHOOLS(
                "--schools",
                "CODES",
                "MBO_LOCAL_SCHOOLS",
                String.join(",", DEFAULT_SCHOOLS),
                "the schools, comma-separated; a node each"),
        NODE_PORT(
                "--node-port",
                "PORT",
                "MBO_LOCAL_NODE_PORT",
                String.valueOf(DEFAULT_NODE_PORT),
                "the first school's HTTP port; the next school gets the next port"),
        KAFKA_PORT("--kafka-port", "PORT", "MBO_LOCAL_KAFKA_PORT", "9092", "Kafka's client port"),
        KAFKA_CONTROLLER_PORT(
                "--kafka-controller-port",
                "PORT",
                "MBO_LOCAL_KAFKA_CONTROLLER_PORT",
                "9093",
                "the KRaft controller's port"),
        REGISTRY_PORT("--registry-port", "PORT", "MBO_LOCAL_REGISTRY_PORT", "8081", "the schema registry's port"),
        POSTGRES_PORT("--postgres-port", "PORT", "MBO_LOCAL_POSTGRES_PORT", "55432", "PostgreSQL's port"),
        DATA_DIRECTORY(
                "--data-dir",
                "DIR",
                "MBO_LOCAL_DATA_DIR",
                null,
                "data and logs; .run-data at the top of the checkout when not set"),
        TOPIC_PREFIX("--topic-prefix", "PREFIX", "MBO_KAFKA_TOPIC_PREFIX", "mbo.", "put before every topic name"),
        NODE_JAR("--node-jar", "FILE", null, null, "the exchange node's jar; found in this checkout when not set"),
        REGISTRY_JAR(
                "--registry-jar",
                "FILE",
                null,
                null,
                "the registry's quarkus-run.jar; found in this checkout when not set");

        final String flag;
        final String placeholder;
        final String variable;
        final String fallback;
        final String description;

        Setting(String flag, String placeholder, String variable, String fallback, String description) {
            this.flag = flag;
            this.placeholder = placeholder;
            this.variable = variable;
            this.fallback = fallback;
            this.description = description;
        }
    }
}
