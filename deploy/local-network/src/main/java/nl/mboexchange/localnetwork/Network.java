package nl.mboexchange.localnetwork;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The running local network: starts the servers in dependency order, as much as possible at the same time, and
 * stops them in the reverse order: nodes first (they flush to Kafka and write to PostgreSQL), then Kafka and the
 * registry, PostgreSQL last.
 */
final class Network {

    /** The subdirectories of the data directory that this network owns; {@code --clean} removes only these. */
    private static final List<String> OWNED =
            List.of("postgres", "kafka", "kafka.properties", "schema-registry", "logs");

    private final NetworkSettings settings;
    private final PrintStream out;
    private final Instant started = Instant.now();

    private PostgresServer postgres;
    private KafkaBroker kafka;
    private SchemaRegistry registry;
    private final List<SchoolNode> nodes = new ArrayList<>();
    /**
     * Threads of its own for starting and stopping servers side by side: the common pool has a single thread on a
     * two-core machine, which would start them one after the other.
     */
    private final ExecutorService parallel = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "local-network");
        thread.setDaemon(true);
        return thread;
    });

    /** Servers still starting; stop() waits for them, so that none comes up after the network has stopped. */
    private final List<CompletableFuture<?>> starting = new ArrayList<>();

    private boolean stopped;

    Network(NetworkSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** Starts everything and returns when every node is healthy; on failure, stops what it started and throws. */
    void start() {
        try {
            Path data = settings.dataDirectory();
            Path logs = data.resolve("logs");
            Path registryApp = Artifacts.registry(settings.registryJar());
            Optional<Path> nodeApp =
                    settings.infrastructureOnly() ? Optional.empty() : Optional.of(Artifacts.node(settings.nodeJar()));
            checkPortsFree();
            if (settings.clean()) {
                clean(data);
            }
            Files.createDirectories(logs);
            say("data in " + data + (settings.clean() ? " (cleaned)" : ""));

            say("starting PostgreSQL, Kafka and the schema registry");
            CompletableFuture<PostgresServer> postgresStarted = CompletableFuture.supplyAsync(
                    () -> started(PostgresServer.start(
                            data.resolve("postgres"), settings.postgresPort(), logs.resolve("postgres.log"))),
                    parallel);
            CompletableFuture<KafkaBroker> kafkaStarted = CompletableFuture.supplyAsync(
                    () -> started(KafkaBroker.start(
                                    data.resolve("kafka"),
                                    settings.kafkaPort(),
                                    settings.kafkaControllerPort(),
                                    logs,
                                    credentials()))
                            .awaitReady(),
                    parallel);
            CompletableFuture<SchemaRegistry> registryStarted = CompletableFuture.supplyAsync(
                    () -> started(SchemaRegistry.start(
                                    registryApp, data.resolve("schema-registry"), settings.registryPort(), logs))
                            .awaitReady(),
                    parallel);
            synchronized (this) {
                starting.addAll(List.of(postgresStarted, kafkaStarted, registryStarted));
            }
            try {
                join(postgresStarted).createSchoolDatabases(settings.schools());
                say("PostgreSQL 17     up on 127.0.0.1:" + settings.postgresPort());
                List<String> codes =
                        settings.schools().stream().map(School::code).toList();
                join(kafkaStarted).addSchools(settings.topicPrefix(), codes, credentials());
                say("Kafka (KRaft)     up on 127.0.0.1:" + settings.kafkaPort());
                join(registryStarted);
                say("Schema registry   up on 127.0.0.1:" + settings.registryPort()
                        + ", the contract's schemas registered");
            } catch (RuntimeException e) {
                // Let the others finish starting (or failing), so that stop() knows every server it has to stop.
                CompletableFuture.allOf(postgresStarted, kafkaStarted, registryStarted)
                        .exceptionally(ignored -> null)
                        .join();
                throw e;
            }

            if (nodeApp.isPresent()) {
                startNodes(nodeApp.get(), logs);
            }
        } catch (IOException e) {
            stop();
            throw new StartFailed(e.getMessage(), e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private void startNodes(Path app, Path logs) {
        say("starting " + settings.schools().size() + " school nodes from " + app);
        SchoolNode.Connections connections = new SchoolNode.Connections(
                kafka.bootstrapServers(), registry.url(), settings.topicPrefix(), postgres.port(), credentials());
        List<CompletableFuture<SchoolNode>> healthy = new ArrayList<>();
        for (School school : settings.schools()) {
            SchoolNode node = started(SchoolNode.start(school, app, connections, logs));
            healthy.add(CompletableFuture.supplyAsync(
                    () -> {
                        node.awaitHealthy(this::isStopping);
                        say("Node " + school.code() + "         up on " + school.baseUrl());
                        return node;
                    },
                    parallel));
        }
        // Fails as soon as one node fails, rather than after the others have had their time.
        CompletableFuture<Void> all = CompletableFuture.allOf(healthy.toArray(CompletableFuture[]::new));
        healthy.forEach(node -> node.whenComplete((ignored, failure) -> {
            if (failure != null) {
                all.completeExceptionally(failure);
            }
        }));
        join(all);
    }

    /** Where the Kafka logins are kept: the operator's, and each school's node's and SIS's. */
    private Path credentials() {
        return settings.dataDirectory().resolve("credentials");
    }

    /** What the user needs to use the network, printed once it is ready. */
    String readyBanner() {
        StringBuilder banner = new StringBuilder();
        String seconds = String.format(
                Locale.ROOT, "%.1f", Duration.between(started, Instant.now()).toMillis() / 1000.0);
        banner.append("\nREADY in ").append(seconds).append(" s: the MBO Exchange local network runs on 127.0.0.1\n\n");
        for (School school : settings.schools()) {
            banner.append(String.format(
                    "  School %s   Console    %s/%n"
                            + "               REST API   %s/api/v1/enrolments%n"
                            + "               Swagger UI %s/swagger-ui.html%n"
                            + "               registrar  %s / %s%n"
                            + "               reader     %s / %s (looks, changes nothing)%n"
                            + "               operator   %s / %s (%s/api/v1/operations/dead-letters)%n"
                            + "               metrics    %s / %s (%s/actuator/prometheus)%n"
                            + "               Kafka      %s (node.properties, sis.properties)%n",
                    school.code(),
                    school.baseUrl(),
                    school.baseUrl(),
                    school.baseUrl(),
                    SchoolNode.REGISTRAR,
                    SchoolNode.registrarPassword(school),
                    SchoolNode.READER,
                    SchoolNode.readerPassword(school),
                    SchoolNode.OPERATOR,
                    SchoolNode.operatorPassword(school),
                    school.baseUrl(),
                    SchoolNode.MONITOR,
                    SchoolNode.monitorPassword(school),
                    school.baseUrl(),
                    credentials().resolve(school.code())));
        }
        String prefix = settings.topicPrefix();
        banner.append(String.format(
                "  Kafka        %s (SASL SCRAM-SHA-512; topics %sexchange.*, %sschool.*; operator %s)%n",
                kafka.bootstrapServers(), prefix, prefix, credentials().resolve("admin.properties")));
        banner.append(String.format("  Registry     %s%n", registry.url()));
        banner.append(String.format("  PostgreSQL   jdbc:postgresql://127.0.0.1:%d/postgres", postgres.port()));
        if (!settings.schools().isEmpty()) {
            banner.append(" (and ")
                    .append(String.join(
                            ", ",
                            settings.schools().stream().map(School::database).toList()))
                    .append(")");
        }
        banner.append(String.format("%n  Data, logs   %s%n", settings.dataDirectory()));
        if (settings.schools().size() >= 2) {
            banner.append("\nWalk-through, in another terminal: ")
                    .append(walkthroughCommand(
                            settings.schools().get(0), settings.schools().get(1)))
                    .append('\n');
        }
        banner.append("\nStop with Ctrl-C.");
        return banner.toString();
    }

    /** deploy/walkthrough.sh with the variables that differ from its defaults (25LX on 8091 asks 30GH on 8092). */
    static String walkthroughCommand(School home, School host) {
        List<String> variables = new ArrayList<>();
        if (home.port() != NetworkSettings.DEFAULT_NODE_PORT) {
            variables.add("HOME_URL=" + home.baseUrl());
        }
        if (host.port() != NetworkSettings.DEFAULT_NODE_PORT + 1) {
            variables.add("HOST_URL=" + host.baseUrl());
        }
        if (!home.code().equals(NetworkSettings.DEFAULT_SCHOOLS.get(0))) {
            variables.add("HOME_SCHOOL=" + home.code());
        }
        if (!host.code().equals(NetworkSettings.DEFAULT_SCHOOLS.get(1))) {
            variables.add("HOST_SCHOOL=" + host.code());
        }
        variables.add("./deploy/walkthrough.sh");
        return String.join(" ", variables);
    }

    /** The first server that ended while it should be running, if any, and why. */
    synchronized Optional<String> endedUnexpectedly() {
        if (stopped) {
            return Optional.empty();
        }
        if (postgres != null && !postgres.isAlive()) {
            return Optional.of(
                    "PostgreSQL stopped; see " + settings.dataDirectory().resolve("logs/postgres.log"));
        }
        List<ChildProcess> running = new ArrayList<>();
        Optional.ofNullable(kafka).map(KafkaBroker::process).ifPresent(running::add);
        Optional.ofNullable(registry).map(SchemaRegistry::process).ifPresent(running::add);
        nodes.forEach(node -> running.add(node.process()));
        return running.stream()
                .filter(process -> !process.isAlive())
                .findFirst()
                .map(ChildProcess::whyItEnded);
    }

    /** Stops everything that was started, in reverse order of dependency; safe to call more than once. */
    void stop() {
        List<CompletableFuture<?>> inFlight;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            inFlight = new ArrayList<>(starting);
        }
        say("stopping");
        // A server that comes up from now on stops itself (see started()); wait until none is still on its way.
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                    .exceptionally(ignored -> null)
                    .get(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Stop what did start.
        }
        List<Stoppable> nodesToStop;
        List<Stoppable> sharedToStop;
        PostgresServer database;
        synchronized (this) {
            nodesToStop = new ArrayList<>(nodes);
            sharedToStop = Stream.of(registry, kafka)
                    .filter(server -> server != null)
                    .map(server -> (Stoppable) server)
                    .toList();
            database = postgres;
        }
        stopAll(nodesToStop);
        stopAll(sharedToStop);
        if (database != null) {
            database.stop();
        }
        say("stopped; nothing of the local network is running");
    }

    private synchronized boolean isStopping() {
        return stopped;
    }

    /** Remembers a server as soon as its process runs, so that a failure elsewhere still stops it. */
    private synchronized <T extends Stoppable> T started(T server) {
        if (stopped) {
            server.stop();
            throw new StartFailed("the network is stopping");
        }
        if (server instanceof PostgresServer started) {
            postgres = started;
        } else if (server instanceof KafkaBroker started) {
            kafka = started;
        } else if (server instanceof SchemaRegistry started) {
            registry = started;
        } else if (server instanceof SchoolNode started) {
            nodes.add(started);
        }
        return server;
    }

    private void stopAll(List<? extends Stoppable> servers) {
        List<CompletableFuture<Void>> stopping = servers.stream()
                .map(server -> CompletableFuture.runAsync(server::stop, parallel))
                .toList();
        stopping.forEach(future -> {
            try {
                future.join();
            } catch (CompletionException e) {
                System.err.println("could not stop a server: " + e.getCause());
            }
        });
    }

    private void checkPortsFree() {
        List<Integer> busy =
                settings.ports().stream().filter(port -> !Await.free(port)).toList();
        if (!busy.isEmpty()) {
            throw new StartFailed("port " + busy + " on 127.0.0.1 is in use. Is a local network running already?"
                    + " Stop it, or choose other ports (--help lists the options).");
        }
    }

    private static void clean(Path data) throws IOException {
        for (String owned : OWNED) {
            Path path = data.resolve(owned);
            if (Files.exists(path)) {
                try (Stream<Path> tree = Files.walk(path)) {
                    tree.sorted(Comparator.reverseOrder()).forEach(file -> {
                        try {
                            Files.delete(file);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                }
            }
        }
    }

    private void say(String message) {
        String seconds = String.format(
                Locale.ROOT, "%5.1f", Duration.between(started, Instant.now()).toMillis() / 1000.0);
        out.println("[" + seconds + " s] " + message);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
