package nl.mboexchange.benchmark.node;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import nl.mboexchange.benchmark.BenchmarkParameters;
import nl.mboexchange.benchmark.measure.Latencies;
import nl.mboexchange.networkadmin.Credentials;
import nl.mboexchange.networkadmin.SchoolCredentials;
import nl.mboexchange.testinfra.TestInfrastructure;

/**
 * Runs the two nodes, home {@code 25LX} and host {@code 30GH}, each in a JVM of its own on the shared servers, and
 * measures them: seeds accepted enrolments (not timed), warms up, then the burst and each steady rate, and finally
 * counts in both databases that every result arrived once and every receipt came back once.
 */
public final class NodeBenchmark {

    /** The database of each node; the smoke test reads them. */
    public static final String HOME_DATABASE = "benchmark_home";

    public static final String HOST_DATABASE = "benchmark_host";

    private static final long POLL_MILLIS = 20;
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration JIT_SETTLE_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration JIT_WINDOW = Duration.ofSeconds(2);
    /**
     * A node runs compiled code when its JIT compilers are busy for less than this share of a warm-up round. On two
     * cores, two Spring nodes keep compiling for minutes of load: their hot paths are long and each method reaches
     * its compile threshold only after thousands of results, while the compiler threads share the cores.
     */
    private static final double JIT_SETTLED = 0.2;

    private final BenchmarkParameters parameters;
    private final TestInfrastructure servers;
    private final Consumer<String> progress;

    public NodeBenchmark(BenchmarkParameters parameters, TestInfrastructure servers, Consumer<String> progress) {
        this.parameters = parameters;
        this.servers = servers;
        this.progress = progress;
    }

    public NodeResults run() throws Exception {
        String home = Seeder.HOME.value();
        String host = Seeder.HOST.value();
        String hostCommands = NodeSettings.TOPIC_PREFIX + "school." + host + ".commands";
        Map<String, SchoolCredentials> logins = NodeSettings.addSchools(servers, parameters.partitions(), home, host);
        String homeUrl = servers.jdbcUrl(HOME_DATABASE);
        String hostUrl = servers.jdbcUrl(HOST_DATABASE);
        long salt = new SecureRandom().nextLong();
        int enrolments = parameters.enrolments();
        Files.createDirectories(parameters.output());

        try (ServerSocket control = new ServerSocket(0, 2, InetAddress.getLoopbackAddress());
                NodeHandle homeNode = launch(
                        home,
                        homeUrl,
                        control,
                        salt,
                        enrolments,
                        logins.get(home).node());
                NodeHandle hostNode = launch(
                        host,
                        hostUrl,
                        control,
                        salt,
                        enrolments,
                        logins.get(host).node())) {
            progress.accept("starting nodes " + home + " (pid " + homeNode.pid() + ") and " + host + " (pid "
                    + hostNode.pid() + ")");
            NodeHandle.connect(control, List.of(homeNode, hostNode));
            progress.accept("seeding " + enrolments + " accepted enrolments in both nodes");
            CompletableFuture<Void> seededHome = CompletableFuture.runAsync(() -> seed(homeNode, enrolments));
            seed(hostNode, enrolments);
            seededHome.join();

            try (SisFeeder sis = parameters.feed().equals("sis")
                    ? new SisFeeder(
                            new EnrolmentIds(salt),
                            hostCommands,
                            servers.kafkaClient(logins.get(host).sis()),
                            servers.schemaRegistryUrl())
                    : null) {
                HopTimes hops = new HopTimes(database(homeUrl), database(hostUrl), new EnrolmentIds(salt));
                NodeResults results = measure(new Phases(homeNode, hostNode, sis, hops), homeUrl, hostUrl);
                if (parameters.rest().isZero()) {
                    return results;
                }
                return new NodeResults(
                        results.warmupResults(),
                        results.burst(),
                        results.steady(),
                        results.verification(),
                        rest(homeNode, host, hostUrl),
                        results.homeDatabase(),
                        results.hostDatabase());
            }
        }
    }

    private NodeResults measure(Phases phases, String homeUrl, String hostUrl) throws Exception {
        int next = 0;
        int rounds = 0;
        while (parameters.warmup() > 0 && rounds < parameters.warmupRounds()) {
            rounds++;
            progress.accept("warm-up round " + rounds + ": " + parameters.warmup() + " results");
            BurstResult round = phases.burst(next, parameters.warmup());
            next += parameters.warmup();
            double compiling = Math.max(round.home().jitSeconds(), round.host().jitSeconds()) / round.seconds();
            progress.accept(String.format(
                    Locale.ROOT,
                    "warm-up round %d: %.0f results/s; JIT compilers busy %.0f %% of it",
                    rounds,
                    round.resultsPerSecond(),
                    compiling * 100));
            if (compiling < JIT_SETTLED) {
                break;
            }
        }
        if (rounds > 0) {
            progress.accept("waiting for the JIT compilers to finish: "
                    + phases.settleJit().toSeconds() + " s");
        }
        int warmedUp = next;
        progress.accept("burst: " + parameters.burst() + " results");
        BurstResult burst = phases.burst(next, parameters.burst());
        next += parameters.burst();
        List<SteadyResult> steady = new ArrayList<>();
        for (int rate : parameters.rates()) {
            progress.accept(
                    "steady: " + rate + " results/s for " + parameters.steady().toSeconds() + " s");
            int count = parameters.steadyCount(rate);
            steady.add(phases.steady(next, count, rate));
            next += count;
        }
        var verification = new ExchangeVerification(database(homeUrl), database(hostUrl));
        awaitSettled(verification, next);
        phases.countAfterSettling();
        return new NodeResults(
                warmedUp,
                burst,
                steady,
                verification.verify(next, phases.duplicates, phases.doubled, phases.missing),
                null,
                HOME_DATABASE,
                HOST_DATABASE);
    }

    /** The phases of a run on two started nodes, and what they add up to. */
    private final class Phases {

        private final NodeHandle home;
        private final NodeHandle host;
        private final SisFeeder sis;
        private final HopTimes hops;
        private long duplicates;
        private long doubled;
        private long missing;

        Phases(NodeHandle home, NodeHandle host, SisFeeder sis, HopTimes hops) {
            this.home = home;
            this.host = host;
            this.sis = sis;
            this.hops = hops;
        }

        BurstResult burst(int from, int count) throws IOException, InterruptedException {
            home.startPhase();
            host.startPhase();
            long[] issuedAt = switch (parameters.feed()) {
                case "sis" -> sis.burst(from, count);
                default -> host.feedBurst(from, count, parameters.feedThreads());
            };
            Observed observed = observe(from, count, issuedAt);
            double seconds = (observed.lastVisible - issuedAt[0]) / 1e6;
            double feedSeconds = (issuedAt[count] - issuedAt[0]) / 1e6;
            return new BurstResult(
                    count,
                    round(seconds),
                    perSecond(count, seconds),
                    round(feedSeconds),
                    perSecond(count, feedSeconds),
                    observed.results.summary(),
                    observed.receipts.summary(),
                    hops(from, count, issuedAt, observed),
                    observed.missing,
                    observed.atHome.usage(),
                    observed.atHost.usage());
        }

        SteadyResult steady(int from, int count, int rate) throws IOException, InterruptedException {
            home.startPhase();
            host.startPhase();
            long[] dueAt = switch (parameters.feed()) {
                case "sis" -> sis.steady(from, count, rate);
                default -> host.feedSteady(from, count, rate, parameters.feedThreads());
            };
            Observed observed = observe(from, count, dueAt);
            double achieved = perSecond(count, (dueAt[count] - dueAt[0]) / 1e6);
            double drainMillis = round((observed.lastVisible - dueAt[count - 1]) / 1e3);
            boolean keptUp = achieved >= 0.98 * rate && drainMillis <= 1_000 && observed.missing == 0;
            return new SteadyResult(
                    rate,
                    count,
                    achieved,
                    observed.results.summary(),
                    observed.receipts.summary(),
                    hops(from, count, dueAt, observed),
                    drainMillis,
                    keptUp,
                    observed.missing,
                    observed.atHome.usage(),
                    observed.atHost.usage());
        }

        /**
         * Waits until neither node's JIT compilers are busy, so that the measured phases run compiled code rather
         * than compete with the compiler: a Spring application on two cores keeps compiling for minutes after its
         * code first ran.
         */
        Duration settleJit() throws IOException, InterruptedException {
            long start = System.nanoTime();
            long deadline = start + JIT_SETTLE_TIMEOUT.toNanos();
            long homeBefore = home.jitMillis();
            long hostBefore = host.jitMillis();
            while (System.nanoTime() < deadline) {
                Thread.sleep(JIT_WINDOW.toMillis());
                long homeNow = home.jitMillis();
                long hostNow = host.jitMillis();
                long busiest = Math.max(homeNow - homeBefore, hostNow - hostBefore);
                if (busiest < JIT_WINDOW.toMillis() / 20) {
                    break;
                }
                homeBefore = homeNow;
                hostBefore = hostNow;
            }
            return Duration.ofNanos(System.nanoTime() - start);
        }

        private HopBreakdown hops(int from, int count, long[] startedAt, Observed observed) {
            try {
                return hops.of(
                        from, count, startedAt, observed.atHome.resultVisibleAt(), observed.atHost.receiptVisibleAt());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("could not read the hop times", e);
            }
        }

        /** Takes the probes' counters again, now that every event has arrived. */
        void countAfterSettling() throws IOException {
            home.startPhase();
            host.startPhase();
            NodeHandle.PhaseReport atHome = home.endPhase(0, 0);
            NodeHandle.PhaseReport atHost = host.endPhase(0, 0);
            duplicates = atHome.duplicates() + atHost.duplicates();
            doubled = atHome.doubled() + atHost.doubled();
        }

        /** Waits until every result is at home and every receipt back at the host, then collects the times. */
        private Observed observe(int from, int count, long[] startedAt) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + (120_000L + count * 20L) * 1_000_000L;
            while (System.nanoTime() < deadline
                    && (home.visible(from, count) < count || host.visible(from, count) < count)) {
                Thread.sleep(POLL_MILLIS);
            }
            NodeHandle.PhaseReport atHome = home.endPhase(from, count);
            NodeHandle.PhaseReport atHost = host.endPhase(from, count);
            Latencies results = new Latencies();
            Latencies receipts = new Latencies();
            long lastVisible = 0;
            long unseen = 0;
            for (int i = 0; i < count; i++) {
                long result = atHome.resultVisibleAt()[i];
                long receipt = atHost.receiptVisibleAt()[i];
                if (result == 0 || receipt == 0) {
                    unseen++;
                }
                if (result != 0) {
                    results.record(result - startedAt[i]);
                }
                if (receipt != 0) {
                    receipts.record(receipt - startedAt[i]);
                }
                lastVisible = Math.max(lastVisible, Math.max(result, receipt));
            }
            missing += unseen;
            duplicates = atHome.duplicates() + atHost.duplicates();
            doubled = atHome.doubled() + atHost.doubled();
            return new Observed(atHome, atHost, results, receipts, lastVisible, unseen);
        }
    }

    private record Observed(
            NodeHandle.PhaseReport atHome,
            NodeHandle.PhaseReport atHost,
            Latencies results,
            Latencies receipts,
            long lastVisible,
            long missing) {}

    /**
     * Registrars' commands at the home node over its REST API, after the exchange's own phases so that they do not
     * disturb its counts: each creates an enrolment at the host, which must arrive there too.
     */
    private RestResult rest(NodeHandle home, String hostSchool, String hostUrl) throws Exception {
        String school = home.school();
        RestLoad load = new RestLoad(
                home.httpPort(), NodeSettings.REGISTRAR, NodeSettings.registrarPassword(school), hostSchool);
        progress.accept("REST: " + parameters.restClients() + " clients requesting enrolments at " + school + " for "
                + parameters.rest().toSeconds() + " s, after as long a warm-up");
        RestLoad.Run warmup = load.run(parameters.restClients(), parameters.rest());
        home.startPhase();
        RestLoad.Run run = load.run(parameters.restClients(), parameters.rest());
        var usage = home.endPhase(0, 0).usage();
        List<UUID> created = new ArrayList<>(warmup.created());
        created.addAll(run.created());
        long arrived = RestLoad.awaitArrival(database(hostUrl), created);
        long requests = run.latencies().count();
        return new RestResult(
                run.clients(),
                round(run.seconds()),
                requests,
                perSecond(requests, run.seconds()),
                run.latencies().summary(),
                failures(warmup, run),
                created.size(),
                arrived,
                usage);
    }

    private static Map<String, Long> failures(RestLoad.Run... runs) {
        Map<String, Long> failed = new TreeMap<>();
        for (RestLoad.Run run : runs) {
            run.failed().forEach((outcome, count) -> failed.merge(outcome, count, Long::sum));
        }
        return failed;
    }

    private NodeHandle launch(
            String school, String jdbcUrl, ServerSocket control, long salt, int enrolments, Credentials login)
            throws IOException {
        List<String> jvm = new ArrayList<>(List.of(
                "-Xmx" + parameters.nodeHeap(),
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=nl.mboexchange",
                "-Dspring.output.ansi.enabled=never"));
        for (String option : parameters.nodeJvmOptions().split(",")) {
            if (!option.isBlank()) {
                jvm.add(option.trim());
            }
        }
        if (parameters.jfr()) {
            Path recording =
                    parameters.output().resolve("node-" + school + ".jfr").toAbsolutePath();
            jvm.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + recording);
        }
        Map<String, String> settings = NodeSettings.of(school, jdbcUrl, servers, parameters.partitions(), login);
        Path log = parameters.output().resolve("node-" + school + ".log");
        return NodeHandle.launch(
                school,
                control,
                jvm,
                settings,
                List.of(school, Long.toString(salt), Integer.toString(enrolments)),
                log);
    }

    private static void seed(NodeHandle node, int enrolments) {
        try {
            node.seed(0, enrolments);
        } catch (IOException e) {
            throw new IllegalStateException("seeding " + node.school() + " failed", e);
        }
    }

    /** Waits, however busy the machine, until the last receipt is back; a lost one shows in the counts after. */
    private void awaitSettled(ExchangeVerification verification, long recorded) throws Exception {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (!verification.settled(recorded) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    private ExchangeVerification.DatabaseAccess database(String url) {
        return new ExchangeVerification.DatabaseAccess(url, servers.databaseUser(), servers.databasePassword());
    }

    private static double perSecond(long count, double seconds) {
        return seconds <= 0 ? 0 : Math.round(count / seconds);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
