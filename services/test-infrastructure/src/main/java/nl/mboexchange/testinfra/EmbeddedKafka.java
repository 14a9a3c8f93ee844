package nl.mboexchange.testinfra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import nl.mboexchange.networkadmin.BrokerSecurity;
import nl.mboexchange.networkadmin.Credentials;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * Kafka's own server in this JVM, KRaft combined mode, secured as the network's brokers are ({@link
 * BrokerSecurity}): SCRAM logins, the authorizer allowing nothing without an ACL, no topic created by itself. Its
 * storage is formatted with the operator's login, so the tests administer it from the start.
 */
final class EmbeddedKafka {

    private final Properties properties;
    private final Path logDirectory;
    private final int port;
    private final Credentials operator;
    private KafkaRaftServer server;

    private EmbeddedKafka(
            KafkaRaftServer server, Properties properties, Path logDirectory, int port, Credentials operator) {
        this.server = server;
        this.properties = properties;
        this.logDirectory = logDirectory;
        this.port = port;
        this.operator = operator;
    }

    static EmbeddedKafka start() {
        Credentials operator = Credentials.generate(BrokerSecurity.OPERATOR);
        try {
            Path logDirectory = Files.createTempDirectory("kafka-it-");
            int port = freePort();
            Properties properties = new Properties();
            properties.putAll(BrokerSecurity.properties(port, freePort(), operator));
            properties.put("log.dirs", logDirectory.toString());
            properties.put("num.partitions", "1");
            properties.put("offsets.topic.replication.factor", "1");
            properties.put("offsets.topic.num.partitions", "5");
            properties.put("transaction.state.log.replication.factor", "1");
            properties.put("transaction.state.log.min.isr", "1");
            properties.put("share.coordinator.state.topic.replication.factor", "1");
            properties.put("share.coordinator.state.topic.min.isr", "1");
            properties.put("group.initial.rebalance.delay.ms", "0");
            properties.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
            Path config = logDirectory.resolveSibling(logDirectory.getFileName() + ".properties");
            try (var writer = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
                properties.store(writer, "the tests' broker");
            }
            format(config, operator);
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties), Time.SYSTEM);
            server.startup();
            Files.delete(config);
            return new EmbeddedKafka(server, properties, logDirectory, port, operator);
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start", e);
        }
    }

    private static void format(Path config, Credentials operator) {
        List<String> arguments = new ArrayList<>(
                List.of("format", "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString()));
        arguments.addAll(BrokerSecurity.formatArguments(operator));
        var output = new ByteArrayOutputStream();
        int status = StorageTool.execute(
                arguments.toArray(String[]::new), new PrintStream(output, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException(
                    "could not format Kafka's storage: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    Credentials operator() {
        return operator;
    }

    /**
     * Shuts the broker down cleanly and starts it again on the same port and log directory, as an operator restarts
     * one: clients lose their connections meanwhile, and every record, offset, login and ACL is there afterwards.
     */
    synchronized void restart() {
        server.shutdown();
        server.awaitShutdown();
        server = new KafkaRaftServer(KafkaConfig.fromProps(properties), Time.SYSTEM);
        server.startup();
    }

    synchronized void stop() {
        server.shutdown();
        server.awaitShutdown();
        try (Stream<Path> files = Files.walk(logDirectory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // The JVM is exiting; the directory is temporary.
        }
    }
}
