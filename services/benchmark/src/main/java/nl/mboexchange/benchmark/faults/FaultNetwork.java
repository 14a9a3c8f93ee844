package nl.mboexchange.benchmark.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import nl.mboexchange.benchmark.node.EnrolmentIds;
import nl.mboexchange.benchmark.node.ExchangeVerification.DatabaseAccess;
import nl.mboexchange.benchmark.node.NodeHandle;
import nl.mboexchange.benchmark.node.NodeSettings;
import nl.mboexchange.benchmark.node.Seeder;
import nl.mboexchange.benchmark.node.SisFeeder;
import nl.mboexchange.networkadmin.SchoolCredentials;
import nl.mboexchange.testinfra.ServerFaults;
import nl.mboexchange.testinfra.TcpProxy;
import nl.mboexchange.testinfra.TestInfrastructure;

/**
 * The network the faults are injected into: the shared servers, a home node ({@code 25LX}) and a host node
 * ({@code 30GH}) in JVMs of their own, a third member ({@code 41FS}) whose name forged records borrow, and the host's
 * SIS. The nodes reach the registry through a proxy, so that it can be taken from them while it keeps running for
 * the driver. Every enrolment is seeded accepted at both nodes before the first fault.
 */
final class FaultNetwork implements AutoCloseable {

    static final String HOME = Seeder.HOME.value();
    static final String HOST = Seeder.HOST.value();
    /** A member of the network that takes no part in the exchange: the sender forged records claim to be. */
    static final String BYSTANDER = "41FS";

    static final String HOME_DATABASE = "faults_home";
    static final String HOST_DATABASE = "faults_host";

    private final FaultSuiteParameters parameters;
    private final TestInfrastructure servers;
    private final ServerFaults serverFaults;
    private final Consumer<String> progress;
    private final Map<String, SchoolCredentials> logins;
    private final TcpProxy registry;
    private final ServerSocket control;
    private final long salt = new SecureRandom().nextLong();
    private final EnrolmentIds ids = new EnrolmentIds(salt);
    private final Map<String, Integer> launches = new HashMap<>();
    private NodeHandle home;
    private NodeHandle host;
    private SisFeeder sis;
    private long hostDropped;
    private long hostDroppedBefore;

    private FaultNetwork(FaultSuiteParameters parameters, TestInfrastructure servers, Consumer<String> progress)
            throws IOException {
        this.parameters = parameters;
        this.servers = servers;
        this.serverFaults = ServerFaults.of(servers);
        this.progress = progress;
        this.logins = NodeSettings.addSchools(servers, parameters.partitions(), HOME, HOST, BYSTANDER);
        URI registryUrl = URI.create(servers.schemaRegistryUrl());
        this.registry = TcpProxy.to(registryUrl.getHost(), registryUrl.getPort());
        this.control = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
    }

    /** Starts both nodes and seeds every enrolment, accepted, at both. */
    static FaultNetwork start(FaultSuiteParameters parameters, TestInfrastructure servers, Consumer<String> progress)
            throws IOException {
        Files.createDirectories(parameters.output());
        FaultNetwork network = new FaultNetwork(parameters, servers, progress);
        try {
            network.home = network.launch(HOME);
            network.host = network.launch(HOST);
            progress.accept("starting nodes " + HOME + " (pid " + network.home.pid() + ") and " + HOST + " (pid "
                    + network.host.pid() + ")");
            NodeHandle.connect(network.control, List.of(network.home, network.host));
            progress.accept("seeding " + parameters.enrolments() + " accepted enrolments in both nodes");
            CompletableFuture<Void> seededHome =
                    CompletableFuture.runAsync(() -> seed(network.home, parameters.enrolments()));
            seed(network.host, parameters.enrolments());
            seededHome.join();
            network.sis = new SisFeeder(
                    network.ids,
                    NodeSettings.TOPIC_PREFIX + "school." + HOST + ".commands",
                    servers.kafkaClient(network.logins.get(HOST).sis()),
                    servers.schemaRegistryUrl());
            return network;
        } catch (IOException | RuntimeException e) {
            network.close();
            throw e;
        }
    }

    private NodeHandle launch(String school) throws IOException {
        int launch = launches.merge(school, 1, Integer::sum);
        String database = school.equals(HOME) ? HOME_DATABASE : HOST_DATABASE;
        Map<String, String> settings = new HashMap<>(NodeSettings.of(
                school,
                servers.jdbcUrl(database),
                servers,
                parameters.partitions(),
                logins.get(school).node()));
        settings.put("mbo.kafka.schema-registry-url", registryUrl());
        settings.put("mbo.fault-injection.enabled", "true");
        if (parameters.retryCap() != null) {
            settings.put("mbo.intake.retry-max-interval", parameters.retryCap().toMillis() + "ms");
            settings.put(
                    "mbo.kafka.publish-retry-max-interval",
                    parameters.retryCap().toMillis() + "ms");
        }
        List<String> jvm = new ArrayList<>(List.of(
                "-Xmx" + parameters.nodeHeap(),
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=nl.mboexchange",
                "-Dspring.output.ansi.enabled=never"));
        Path log = parameters.output().resolve("node-" + school + (launch == 1 ? "" : "-" + launch) + ".log");
        return NodeHandle.launch(
                school,
                control,
                jvm,
                settings,
                List.of(school, Long.toString(salt), Integer.toString(parameters.enrolments())),
                log);
    }

    private String registryUrl() {
        URI url = URI.create(servers.schemaRegistryUrl());
        return "http://127.0.0.1:" + registry.port() + url.getPath();
    }

    /** Starts the host node again, on its own database, after its process ended; returns once it runs. */
    void relaunchHost() throws IOException {
        // What the host dropped before it ended, as last counted; the new process counts from zero.
        hostDroppedBefore += hostDropped;
        hostDropped = 0;
        host.close();
        host = launch(HOST);
        progress.accept("restarting node " + HOST + " (pid " + host.pid() + ")");
        NodeHandle.connect(control, List.of(host));
    }

    private static void seed(NodeHandle node, int enrolments) {
        try {
            node.seed(0, enrolments);
        } catch (IOException e) {
            throw new IllegalStateException("seeding " + node.school() + " failed", e);
        }
    }

    /** Deliveries of events received before that the nodes dropped, in this run: a restarted host's count with it. */
    long redeliveriesDropped() throws IOException {
        hostDropped = duplicatesAt(host);
        return duplicatesAt(home) + hostDroppedBefore + hostDropped;
    }

    private static long duplicatesAt(NodeHandle node) throws IOException {
        node.startPhase();
        return node.endPhase(0, 0).duplicates();
    }

    /** The channel on which {@code from} writes to {@code to}. */
    static String channel(String from, String to) {
        return NodeSettings.TOPIC_PREFIX + "exchange." + from + "." + to;
    }

    TestInfrastructure servers() {
        return servers;
    }

    ServerFaults serverFaults() {
        return serverFaults;
    }

    TcpProxy registry() {
        return registry;
    }

    FaultSuiteParameters parameters() {
        return parameters;
    }

    EnrolmentIds ids() {
        return ids;
    }

    NodeHandle host() {
        return host;
    }

    SisFeeder sis() {
        return sis;
    }

    /** The Kafka login of a school's node, for records written as that node writes them. */
    Map<String, Object> nodeLogin(String school) {
        return servers.kafkaClient(logins.get(school).node());
    }

    void progress(String message) {
        progress.accept(message);
    }

    /** The counts of the slices in both nodes' databases. */
    SliceCounts counts() {
        return new SliceCounts(database(HOME_DATABASE), database(HOST_DATABASE), ids);
    }

    /** Waits until the slice has arrived completely, at most the settle timeout; whether it has. */
    boolean awaitComplete(Slice slice) throws InterruptedException {
        long deadline = System.nanoTime() + parameters.settleTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (counts().complete(slice)) {
                    return true;
                }
            } catch (java.sql.SQLException e) {
                // PostgreSQL is still starting again; ask later.
            }
            Thread.sleep(250);
        }
        return false;
    }

    private DatabaseAccess database(String name) {
        return new DatabaseAccess(servers.jdbcUrl(name), servers.databaseUser(), servers.databasePassword());
    }

    @Override
    public void close() {
        if (sis != null) {
            sis.close();
        }
        if (home != null) {
            home.close();
        }
        if (host != null) {
            host.close();
        }
        registry.close();
        try {
            control.close();
        } catch (IOException e) {
            // Nothing listens on it any more.
        }
    }
}
