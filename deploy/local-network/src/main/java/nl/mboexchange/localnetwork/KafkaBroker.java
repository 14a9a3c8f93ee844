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
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A single Kafka broker in KRaft combined mode (broker and controller in one process), run from the Kafka jars on this
 * module's classpath, listening on 127.0.0.1 only. Its log directory outlives the run; it is formatted on first use.
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

    private KafkaBroker(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static KafkaBroker start(Path logDirectory, int port, int controllerPort, Path logs) {
        Path config = logDirectory.resolveSibling("kafka.properties");
        try {
            Files.createDirectories(logDirectory);
            Files.writeString(config, properties(logDirectory, port, controllerPort), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path log = logs.resolve("kafka.log");
        if (!Files.exists(logDirectory.resolve("meta.properties"))) {
            format(config, logs.resolve("kafka-format.log"));
        }
        ChildProcess process = ChildProcess.start(
                "Kafka",
                ChildProcess.java(JVM_OPTIONS, List.of("-cp", classpath(), "kafka.Kafka", config.toString())),
                Map.of(),
                log);
        return new KafkaBroker(process, port);
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

    /** Creates the topics that do not exist yet; existing ones are left as they are. */
    void createTopics(List<String> topics) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, PARTITIONS, (short) 1))
                    .collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new StartFailed("could not create the exchange topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartFailed("interrupted while creating topics", e);
        }
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
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    /** {@code kafka-storage.sh format}: writes the cluster id and the metadata version into an empty log directory. */
    private static void format(Path config, Path log) {
        ChildProcess formatter = ChildProcess.start(
                "Kafka storage format",
                ChildProcess.java(
                        List.of(
                                "-Xmx128m",
                                "-XX:+UseSerialGC",
                                "-XX:TieredStopAtLevel=1",
                                "-Dlog4j2.configurationFile=kafka-log4j2.properties"),
                        List.of(
                                "-cp",
                                classpath(),
                                "kafka.tools.StorageTool",
                                "format",
                                "--cluster-id",
                                Uuid.randomUuid().toString(),
                                "--config",
                                config.toString(),
                                "--ignore-formatted")),
                Map.of(),
                log);
        Await.until("Kafka storage format", START_TIMEOUT, () -> true, () -> !formatter.isAlive(), () -> {});
        if (formatter.exitCode() != 0) {
            throw new StartFailed("could not format Kafka's log directory: " + formatter.whyItEnded());
        }
        formatter.stop();
    }

    static String properties(Path logDirectory, int port, int controllerPort) {
        List<String> lines = new ArrayList<>(List.of(
                "# Written by the local network's launcher at every start; edits are overwritten.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
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
                // Topics the launcher does not know of appear on first use, as on a broker with default settings.
                "auto.create.topics.enable=true",
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
