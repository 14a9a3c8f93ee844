package nl.mboexchange.localnetwork;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import nl.mboexchange.networkadmin.BrokerSecurity;
import nl.mboexchange.networkadmin.Credentials;
import nl.mboexchange.networkadmin.Member;
import nl.mboexchange.networkadmin.NetworkAdmin;
import nl.mboexchange.networkadmin.NetworkTopics;
import nl.mboexchange.networkadmin.SchoolCredentials;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single Kafka broker in KRaft combined mode (broker and controller in one process), run from the Kafka jars on this
 * module's classpath, listening on 127.0.0.1 only, secured as every broker of the network is ({@link BrokerSecurity}):
 * SCRAM logins, nothing allowed without an ACL. Its log directory outlives the run; it is formatted on first use, with
 * the operator's login, which is kept beside it in {@code credentials/admin.properties}.
 */
final class KafkaBroker implements Stoppable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms32m",
            "-Xmx256m",
            "-XX:+UseSerialGC",
            // C1 only: the JVMs of the network start at once on a small machine, and one person's clicks are light.
            "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError",
            "-Djava.awt.headless=true",
            // Kafka's own logging (log4j 2) goes to the console, which is the log file; the launcher's is quieter.
            "-Dlog4j2.configurationFile=kafka-log4j2.properties");

    /** Partitions of each topic the launcher creates: as many as a node gives the channels it creates itself. */
    static final int PARTITIONS = 3;

    private final ChildProcess process;
    private final int port;
    private final Credentials operator;

    private KafkaBroker(ChildProcess process, int port, Credentials operator) {
        this.process = process;
        this.port = port;
        this.operator = operator;
    }

    static KafkaBroker start(Path logDirectory, int port, int controllerPort, Path logs, Path credentials) {
        Path config = logDirectory.resolveSibling("kafka.properties");
        Path operatorFile = credentials.resolve("admin.properties");
        boolean formatted = Files.exists(logDirectory.resolve("meta.properties"));
        if (formatted && !Files.exists(operatorFile)) {
            throw new StartFailed("Kafka's data in " + logDirectory + " has no operator login (it predates logins, or "
                    + operatorFile + " was deleted): start once with --clean");
        }
        Credentials operator =
                formatted ? Credentials.read(operatorFile) : Credentials.generate(BrokerSecurity.OPERATOR);
        try {
            Files.createDirectories(logDirectory);
            Files.writeString(config, properties(logDirectory, port, controllerPort, operator), StandardCharsets.UTF_8);
            config.toFile().setReadable(false, false);
            config.toFile().setReadable(true, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path log = logs.resolve("kafka.log");
        if (!formatted) {
            operator.write(operatorFile);
            format(config, operator, logs.resolve("kafka-format.log"));
        }
        ChildProcess process = ChildProcess.start(
                "Kafka",
                ChildProcess.java(JVM_OPTIONS, List.of("-cp", classpath(), "kafka.Kafka", config.toString())),
                Map.of(),
                log);
        return new KafkaBroker(process, port, operator);
    }

    /** Waits until the broker answers an admin request. */
    KafkaBroker awaitReady() {
        Await.until(
                "Kafka",
                START_TIMEOUT,
                process::isAlive,
                () -> Await.listening(port) && answersAdmin(),
                () -> System.err.println(process.whyItEnded()));
        return this;
    }

    /**
     * Adds each school to the network with the operator's tool, as an operator of a real cluster does: its logins
     * (kept in {@code <credentials>/<code>/}, the same at every start), its topics, its channels to and from the other
     * schools, its ACLs and its entry on the members topic. Adding again changes nothing that is there.
     */
    void addSchools(String topicPrefix, List<String> codes, Path credentials) {
        try (var admin = new NetworkAdmin(operatorClient(), new NetworkTopics(topicPrefix), PARTITIONS, (short) 1)) {
            for (String code : codes) {
                SchoolCredentials logins = SchoolCredentials.keptIn(credentials, code, variable -> null);
                admin.addSchool(Member.of(code, "School " + code), logins.node(), logins.sis());
            }
        } catch (RuntimeException e) {
            throw new StartFailed("could not add the schools to Kafka: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> operatorClient() {
        return operator.clientProperties(bootstrapServers());
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    ChildProcess process() {
        return process;
    }

    @Override
    public void stop() {
        process.stop();
    }

    private boolean answersAdmin() {
        try (Admin admin = admin()) {
            admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Admin admin() {
        Map<String, Object> config = operatorClient();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return Admin.create(config);
    }

    /** {@code kafka-storage.sh format}: writes the cluster id and the metadata version into an empty log directory. */
    private static void format(Path config, Credentials operator, Path log) {
        ChildProcess formatter = ChildProcess.start(
                "Kafka storage format",
                ChildProcess.java(
                        List.of(
                                "-Xmx128m",
                                "-XX:+UseSerialGC",
                                "-XX:TieredStopAtLevel=1",
                                "-Dlog4j2.configurationFile=kafka-log4j2.properties"),
                        formatCommand(config, operator)),
                Map.of(),
                log);
        Await.until("Kafka storage format", START_TIMEOUT, () -> true, () -> !formatter.isAlive(), () -> {});
        if (formatter.exitCode() != 0) {
            throw new StartFailed("could not format Kafka's log directory: " + formatter.whyItEnded());
        }
        formatter.stop();
    }

    private static List<String> formatCommand(Path config, Credentials operator) {
        List<String> command = new ArrayList<>(List.of(
                "-cp",
                classpath(),
                "kafka.tools.StorageTool",
                "format",
                "--cluster-id",
                Uuid.randomUuid().toString(),
                "--config",
                config.toString(),
                "--ignore-formatted"));
        command.addAll(BrokerSecurity.formatArguments(operator));
        return command;
    }

    static String properties(Path logDirectory, int port, int controllerPort, Credentials operator) {
        List<String> lines = new ArrayList<>();
        lines.add("# Written by the local network's launcher at every start; edits are overwritten.");
        BrokerSecurity.properties(port, controllerPort, operator).forEach((key, value) -> lines.add(key + "=" + value));
        lines.addAll(List.of(
                "log.dirs=" + logDirectory,
                "num.partitions=" + PARTITIONS,
                // One broker: every internal topic has one replica.
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // A node's consumer should not wait 3 s for others that will never join its group.
                "group.initial.rebalance.delay.ms=0",
                // The log cleaner (of the compacted offsets topic) would keep 128 MB for itself; a local broker's
                // compacted topics are tiny.
                "log.cleaner.dedupe.buffer.size=" + (16 * 1024 * 1024)));
        return String.join("\n", lines) + "\n";
    }

    /** The classpath this launcher runs on, which has the Kafka server's jars. */
    private static String classpath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }
}
