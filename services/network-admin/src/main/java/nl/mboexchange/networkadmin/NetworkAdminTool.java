package nl.mboexchange.networkadmin;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The operator's command line: {@code add-school CODE [--name NAME]}, {@code remove-school CODE}, {@code
 * list-schools} and {@code add-registry} against any cluster the operator can log in to, and {@code register-schemas}
 * against the network's schema registry. See {@link #USAGE}.
 */
public final class NetworkAdminTool {

    static final String USAGE = """
            usage: network-admin [options] add-school CODE [--name NAME]
                   network-admin [options] remove-school CODE
                   network-admin [options] list-schools
                   network-admin [options] add-registry [--user schema-registry] [--registry-topic _schemas]
                   network-admin register-schemas [--registry-url URL] [--lock true]

            add-school creates or updates the school's logins (node-CODE for its exchange node, sis-CODE for its
            SIS), its own topics, the channels to and from every member, their ACLs, and lists it as a member; it
            can be repeated. The logins are written to DIR/CODE/node.properties and DIR/CODE/sis.properties. A
            password comes from that file when it exists, else from MBO_NODE_PASSWORD_<CODE> or
            MBO_SIS_PASSWORD_<CODE>, else it is generated. remove-school deletes the logins and ACLs and unlists the
            school; its topics stay. add-registry gives Confluent's schema registry a login (its password from
            MBO_REGISTRY_PASSWORD) and what it needs: its compacted topic and its consumer groups, nothing else.
            register-schemas registers every schema that nodes and SISes write (the exchange events and the SIS
            contract) under its record's full name; nodes do not register schemas themselves. It needs no Kafka
            login: --registry-url (MBO_KAFKA_SCHEMA_REGISTRY_URL; default http://127.0.0.1:8081), and the
            registry's Basic auth login as user:password in MBO_KAFKA_SCHEMA_REGISTRY_USER_INFO if it has one.
            With --lock true (Confluent's registry) it sets the registry's mode to READWRITE first and READONLY
            after, so that no one registers a schema until the operator runs it again.

            options:
              --bootstrap-server HOST:PORT  the cluster (MBO_KAFKA_BOOTSTRAP_SERVERS; default 127.0.0.1:9092)
              --command-config FILE         the operator's Kafka client properties (security.protocol, sasl.*,
                                            ssl.*); without it: SASL_PLAINTEXT (MBO_KAFKA_SECURITY_PROTOCOL) as
                                            MBO_KAFKA_USERNAME (default admin) with MBO_KAFKA_PASSWORD
              --topic-prefix PREFIX         (MBO_KAFKA_TOPIC_PREFIX; default mbo.)
              --partitions N                of each topic created (default 3)
              --replication-factor N        of each topic created (default 1; 3 on a real cluster)
              --credentials-dir DIR         where the schools' logins are kept (default ./credentials)
            """;

    private static final Pattern SCHOOL_CODE = Pattern.compile("[0-9]{2}[A-Z]{2}");

    private NetworkAdminTool() {}

    public static void main(String[] args) {
        int status = run(List.of(args), System.getenv()::get, System.out, System.err);
        System.exit(status);
    }

    /** Runs one command; returns the exit status. */
    static int run(List<String> args, Function<String, String> environment, PrintStream out, PrintStream err) {
        Deque<String> rest = new ArrayDeque<>(args);
        Map<String, String> options = new HashMap<>();
        String command = null;
        String code = null;
        try {
            while (!rest.isEmpty()) {
                String arg = rest.removeFirst();
                if (arg.equals("--help") || arg.equals("-h")) {
                    out.print(USAGE);
                    return 0;
                } else if (arg.startsWith("--")) {
                    if (rest.isEmpty()) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    options.put(arg.substring(2), rest.removeFirst());
                } else if (command == null) {
                    command = arg;
                } else if (code == null) {
                    code = arg;
                } else {
                    throw new IllegalArgumentException("unexpected argument " + arg);
                }
            }
            if (command == null) {
                throw new IllegalArgumentException("no command given");
            }
            boolean perSchool = command.equals("add-school") || command.equals("remove-school");
            if (perSchool && (code == null || !SCHOOL_CODE.matcher(code).matches())) {
                throw new IllegalArgumentException(command + " needs a school code such as 25LX");
            }
            if (command.equals("register-schemas")) {
                if (code != null) {
                    throw new IllegalArgumentException("unexpected argument " + code);
                }
                String url = option(
                        options, "registry-url", environment, "MBO_KAFKA_SCHEMA_REGISTRY_URL", "http://127.0.0.1:8081");
                boolean lock = Boolean.parseBoolean(options.getOrDefault("lock", "false"));
                var registration =
                        new SchemaRegistration(url, environment.apply("MBO_KAFKA_SCHEMA_REGISTRY_USER_INFO"));
                if (lock) {
                    registration.setMode("READWRITE");
                }
                registration
                        .registerContract()
                        .forEach((subject, ids) -> out.println(subject + "\t"
                                + String.join(
                                        ",", ids.stream().map(String::valueOf).toList())));
                if (lock) {
                    registration.setMode("READONLY");
                    out.println("The registry is READONLY: register-schemas --lock true again to add a version");
                }
                return 0;
            }
            Map<String, Object> login = operatorLogin(options, environment);
            NetworkTopics topics =
                    new NetworkTopics(option(options, "topic-prefix", environment, "MBO_KAFKA_TOPIC_PREFIX", "mbo."));
            int partitions = Integer.parseInt(options.getOrDefault("partitions", "3"));
            short replication = Short.parseShort(options.getOrDefault("replication-factor", "1"));
            Path credentials = Path.of(options.getOrDefault("credentials-dir", "credentials"));
            try (var admin = new NetworkAdmin(login, topics, partitions, replication)) {
                switch (command) {
                    case "add-school" -> {
                        SchoolCredentials logins = SchoolCredentials.keptIn(credentials, code, environment);
                        admin.addSchool(Member.of(code, options.get("name")), logins.node(), logins.sis());
                        out.println("Added " + code + ": logins in " + logins.nodeFile() + " and " + logins.sisFile());
                    }
                    case "remove-school" -> {
                        admin.removeSchool(code);
                        out.println("Removed " + code + " from the network; its topics stay");
                    }
                    case "list-schools" ->
                        admin.members()
                                .values()
                                .forEach(member ->
                                        out.println(member.code() + "\t" + member.principal() + "\t" + member.name()));
                    case "add-registry" -> {
                        String password = environment.apply("MBO_REGISTRY_PASSWORD");
                        if (password == null || password.isBlank()) {
                            throw new IllegalArgumentException(
                                    "add-registry takes the password from MBO_REGISTRY_PASSWORD");
                        }
                        Credentials registry =
                                new Credentials(options.getOrDefault("user", "schema-registry"), password);
                        admin.addRegistry(
                                registry, options.getOrDefault("registry-topic", "_schemas"), "schema-registry");
                        out.println("The registry logs in as " + registry.username());
                    }
                    default -> throw new IllegalArgumentException("unknown command " + command);
                }
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("network-admin: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (RuntimeException e) {
            err.println("network-admin: " + e.getMessage());
            return 1;
        }
    }

    private static Map<String, Object> operatorLogin(
            Map<String, String> options, Function<String, String> environment) {
        String bootstrap =
                option(options, "bootstrap-server", environment, "MBO_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        Map<String, Object> login = new HashMap<>();
        if (options.containsKey("command-config")) {
            Properties properties = new Properties();
            try (Reader reader =
                    Files.newBufferedReader(Path.of(options.get("command-config")), StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + options.get("command-config"), e);
            }
            properties.forEach((key, value) -> login.put((String) key, value));
            login.put("bootstrap.servers", bootstrap);
            return login;
        }
        String password = environment.apply("MBO_KAFKA_PASSWORD");
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException(
                    "give the operator's login: --command-config FILE or MBO_KAFKA_PASSWORD");
        }
        String user = option(Map.of(), "", environment, "MBO_KAFKA_USERNAME", BrokerSecurity.OPERATOR);
        login.putAll(new Credentials(user, password).clientProperties(bootstrap));
        login.put(
                "security.protocol",
                option(Map.of(), "", environment, "MBO_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT"));
        return login;
    }

    private static String option(
            Map<String, String> options,
            String name,
            Function<String, String> environment,
            String variable,
            String fallback) {
        String value = options.get(name);
        if (value == null) {
            value = environment.apply(variable);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
