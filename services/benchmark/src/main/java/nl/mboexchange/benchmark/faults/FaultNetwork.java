package nl.mboexchange.benchmark.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * the driver. Every enrolment is seeded accepted at both nodes before the first fault. A fault may start a second
 * instance of home on its database, kill one of the two, or stop home and start it again; {@link #home()} is the one
 * that runs.
 */
final class FaultNetwork implements AutoCloseable {

    static final String HOME = Seeder.HOME.value();
    static final String HOST = Seeder.HOST.value();
    /** A member of the network that takes no part in the exchange: the sender forged records claim to be. */
    static final String BYSTANDER = "41FS";

    static final String HOME_DATABASE = "faults_home";
    static final String HOST_DATABASE = "faults_host";

    /** The key of the node's outbox publisher lock (its {@code PublisherLease}): "mbo-outb" in ASCII. */
    private static final long PUBLISHER_LOCK_KEY = 0x6d626f2d6f757462L;

    // A bigint advisory lock shows in pg_locks as its high half in classid and its low half in objid.
    private static final String PUBLISHER_SESSION = """
            select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid
            where l.locktype = 'advisory' and l.granted and l.objsubid = 1
              and l.database = (select oid from pg_database where datname = current_database())
              and l.classid::bigint = ? and l.objid::bigint = ?
            """;

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
    /** Each running node's instance name, which its database sessions carry as their application name. */
    private final Map<NodeHandle, String> instances = new HashMap<>();
    /** What each running node last said it dropped as copies; a node counts from zero when it starts. */
    private final Map<NodeHandle, Long> dropped = new HashMap<>();
    /** The copies dropped by nodes that have ended since, as they last counted them. */
    private long droppedByEnded;

    private NodeHandle home;
    private NodeHandle secondHome;
    private NodeHandle host;
    private SisFeeder sis;

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
        String instance = "exchange-node-" + school + "-" + launch;
        // Its sessions carry the instance's name, so pg_stat_activity tells which instance holds a lock.
        String jdbcUrl = servers.jdbcUrl(database);
        jdbcUrl += (jdbcUrl.contains("?") ? "&" : "?") + "ApplicationName=" + instance;
        Map<String, String> settings = new HashMap<>(NodeSettings.of(
                school,
                jdbcUrl,
                servers,
                parameters.partitions(),
                logins.get(school).node()));
        NodeSettings.addOperator(settings, school);
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
        NodeHandle node = NodeHandle.launch(
                school,
                control,
                jvm,
                settings,
                List.of(school, Long.toString(salt), Integer.toString(parameters.enrolments())),
                log);
        instances.put(node, instance);
        return node;
    }

    private String registryUrl() {
        URI url = URI.create(servers.schemaRegistryUrl());
        return "http://127.0.0.1:" + registry.port() + url.getPath();
    }

    /** Starts the host node again, on its own database, after its process ended; returns once it runs. */
    void relaunchHost() throws IOException {
        ended(host);
        host.close();
        host = launch(HOST);
        progress.accept("restarting node " + HOST + " (pid " + host.pid() + ")");
        NodeHandle.connect(control, List.of(host));
    }

    /**
     * Starts a second instance of the home school: the same school code, database and Kafka login, an HTTP port of its
     * own. Both instances consume the channels to home, sharing their partitions in one consumer group; one of them
     * publishes. Returns once it runs.
     */
    NodeHandle startSecondHome() throws IOException {
        if (secondHome != null) {
            throw new IllegalStateException("a second instance of " + HOME + " runs already");
        }
        secondHome = launch(HOME);
        progress.accept("starting a second instance of " + HOME + " (pid " + secondHome.pid() + ")");
        // Started alone, so that the connection with this school code is this instance's.
        NodeHandle.connect(control, List.of(secondHome));
        return secondHome;
    }

    /** The running instances of the home school: one, or two after {@link #startSecondHome()}. */
    List<NodeHandle> homeInstances() {
        return secondHome == null ? List.of(home) : List.of(home, secondHome);
    }

    String instanceName(NodeHandle node) {
        return instances.get(node);
    }

    /**
     * The instance of the home school that holds the outbox publisher lock now, as PostgreSQL sees it
     * ({@code pg_locks} of the home database and the application name of the session holding it); empty when none of
     * the running instances does (a killed instance's session may hold it until the server notices its end).
     */
    Optional<NodeHandle> homePublisher() throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                        servers.jdbcUrl(HOME_DATABASE), servers.databaseUser(), servers.databasePassword());
                PreparedStatement statement = connection.prepareStatement(PUBLISHER_SESSION)) {
            statement.setLong(1, PUBLISHER_LOCK_KEY >>> 32);
            statement.setLong(2, PUBLISHER_LOCK_KEY & 0xffffffffL);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                String name = result.getString(1);
                return homeInstances().stream()
                        .filter(node -> name.equals(instances.get(node)))
                        .findFirst();
            }
        }
    }

    /**
     * Kills an instance of the home school as {@code kill -9} does; the other instance carries on as home. There must
     * be two.
     */
    void killHomeInstance(NodeHandle victim) throws InterruptedException {
        if (secondHome == null || !homeInstances().contains(victim)) {
            throw new IllegalStateException("no second instance of " + HOME + " would carry on");
        }
        victim.kill();
        ended(victim);
        home = victim == home ? secondHome : home;
        secondHome = null;
    }

    /** Stops the home node, as an operator would, and leaves it stopped until {@link #relaunchHome()}. */
    void stopHome() {
        if (secondHome != null) {
            throw new IllegalStateException("stop one instance of " + HOME + " at a time");
        }
        ended(home);
        home.close();
        progress.accept("stopped node " + HOME);
    }

    /** Starts the home node again, on its own database, after it was stopped; returns once it runs. */
    void relaunchHome() throws IOException {
        home = launch(HOME);
        progress.accept("restarting node " + HOME + " (pid " + home.pid() + ")");
        NodeHandle.connect(control, List.of(home));
    }

    /**
     * Asks the home node, as its operator, to have {@code partner} send again what home misses
     * ({@code POST /api/v1/operations/exchange/reconciliation}); the node's answer.
     */
    String reconcileAtHome(String partner) throws IOException, InterruptedException {
        String login = NodeSettings.OPERATOR + ":" + NodeSettings.operatorPassword(HOME);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + home.httpPort()
                        + "/api/v1/operations/exchange/reconciliation?school=" + partner))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException(
                    "reconciliation at " + HOME + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Keeps what a node that ends dropped, as it last counted. */
    private void ended(NodeHandle node) {
        Long last = dropped.remove(node);
        droppedByEnded += last == null ? 0 : last;
        instances.remove(node);
    }

    private static void seed(NodeHandle node, int enrolments) {
        try {
            node.seed(0, enrolments);
        } catch (IOException e) {
            throw new IllegalStateException("seeding " + node.school() + " failed", e);
        }
    }

    /** Deliveries of events received before that the nodes dropped, in this run: ended nodes' counts with them. */
    long redeliveriesDropped() throws IOException {
        long total = droppedByEnded;
        List<NodeHandle> running = new ArrayList<>(homeInstances());
        running.add(host);
        for (NodeHandle node : running) {
            long count = duplicatesAt(node);
            dropped.put(node, count);
            total += count;
        }
        return total;
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

    NodeHandle home() {
        return home;
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
        if (secondHome != null) {
            secondHome.close();
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
