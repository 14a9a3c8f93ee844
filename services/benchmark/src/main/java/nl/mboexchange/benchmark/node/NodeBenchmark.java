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
import nl.mboexchange.benchmark.measure.ResourceUsage;
import nl.mboexchange.networkadmin.Credentials;
import nl.mboexchange.networkadmin.SchoolCredentials;
import nl.mboexchange.testinfra.TestInfrastructure;

/**
 * Runs the nodes of a {@link Network}, each in a JVM of its own on the shared servers, and measures them: seeds
 * accepted enrolments (not timed), optionally samples what the nodes cost while idle, warms up, then the burst and
 * each steady rate, and finally counts in every database that every result arrived once and every receipt came back
 * once. By default the network is the exchange benchmark's two nodes, home {@code 25LX} and host {@code 30GH}; with
 * more homes, the host's results are spread evenly over them.
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
    private final Network network;
    private final IdleCost.Plan idle;

    /** The exchange benchmark's two nodes. */
    public NodeBenchmark(BenchmarkParameters parameters, TestInfrastructure servers, Consumer<String> progress) {
        this(parameters, servers, progress, Network.TWO_NODES, IdleCost.Plan.NONE);
    }

    /**
     * @param network the schools, each run as a node
     * @param idle how long the nodes settle and are then sampled with nothing to do, after seeding; {@link
     *     IdleCost.Plan#NONE} leaves the idle phase out
     */
    public NodeBenchmark(
            BenchmarkParameters parameters,
            TestInfrastructure servers,
            Consumer<String> progress,
            Network network,
            IdleCost.Plan idle) {
        this.parameters = parameters;
        this.servers = servers;
        this.progress = progress;
        this.network = network;
        this.idle = idle;
    }

    /**
     * The database of a school's node: the two-node benchmark's {@link #HOME_DATABASE} and {@link #HOST_DATABASE},
     * {@code network_<school>} for the schools of a larger network.
     */
    public static String database(String school) {
        if (school.equals(Seeder.HOME.value())) {
            return HOME_DATABASE;
        }
        return school.equals(Seeder.HOST.value()) ? HOST_DATABASE : "network_" + school.toLowerCase(Locale.ROOT);
    }

    public NodeResults run() throws Exception {
        String host = network.host().value();
        List<String> schools = network.schools();
        String hostCommands = NodeSettings.TOPIC_PREFIX + "school." + host + ".commands";
        Map<String, SchoolCredentials> logins =
                NodeSettings.addSchools(servers, parameters.partitions(), schools.toArray(String[]::new));
        long salt = new SecureRandom().nextLong();
        int enrolments = parameters.enrolments();
        Files.createDirectories(parameters.output());

        try (ServerSocket control = new ServerSocket(0, schools.size(), InetAddress.getLoopbackAddress());
                Nodes nodes = new Nodes()) {
            for (String school : schools) {
                nodes.all.add(launch(
                        school,
                        servers.jdbcUrl(database(school)),
                        control,
                        salt,
                        enrolments,
                        logins.get(school).node()));
            }
            progress.accept("starting nodes " + nodes.describe());
            NodeHandle.connect(control, nodes.all);
            NodeHandle hostNode = nodes.all.get(0);
            List<NodeHandle> homeNodes = nodes.all.subList(1, nodes.all.size());
            progress.accept("seeding " + enrolments + " accepted enrolments in "
                    + (schools.size() == 2 ? "both nodes" : "all " + schools.size() + " nodes"));
            CompletableFuture.allOf(nodes.all.stream()
                            .map(node -> CompletableFuture.runAsync(() -> seed(node, enrolments)))
                            .toArray(CompletableFuture[]::new))
                    .join();
            IdleCost idleCost = null;
            if (idle.measured()) {
                progress.accept("idle: settling for " + idle.settle().toSeconds() + " s, then sampling for "
                        + idle.sample().toSeconds() + " s");
                idleCost = IdleCost.measure(nodes.all, idle, access(servers.jdbcUrl(database(host))));
            }

            try (SisFeeder sis = parameters.feed().equals("sis")
                    ? new SisFeeder(
                            new EnrolmentIds(salt),
                            hostCommands,
                            servers.kafkaClient(logins.get(host).sis()),
                            servers.schemaRegistryUrl())
                    : null) {
                var homeDatabases = network.homes().stream()
                        .map(home -> access(servers.jdbcUrl(database(home.value()))))
                        .toList();
                var hostDatabase = access(servers.jdbcUrl(database(host)));
                HopTimes hops = new HopTimes(homeDatabases, hostDatabase, new EnrolmentIds(salt));
                Phases phases = new Phases(homeNodes, hostNode, sis, hops);
                NodeResults results = measure(phases, new ExchangeVerification(homeDatabases, hostDatabase));
                RestResult rest = parameters.rest().isZero()
                        ? null
                        : rest(homeNodes.get(0), host, servers.jdbcUrl(database(host)));
                return new NodeResults(
                        results.warmupResults(),
                        results.burst(),
                        results.steady(),
                        results.verification(),
                        rest,
                        results.homeDatabase(),
                        results.hostDatabase(),
                        network.homes().size() == 1 && idleCost == null
                                ? null
                                : new NetworkResult(network, idleCost, phases.burstAtHomes));
            }
        }
    }

    /** The launched nodes, host first; closing stops them all. */
    private static final class Nodes implements AutoCloseable {

        private final List<NodeHandle> all = new ArrayList<>();

        String describe() {
            List<String> described = all.stream()
                    .map(node -> node.school() + " (pid " + node.pid() + ")")
                    .toList();
            // The host is launched first; the homes are named first, as the two-node run always did.
            List<String> homesFirst = new ArrayList<>(described.subList(1, described.size()));
            homesFirst.add(described.get(0));
            return String.join(", ", homesFirst.subList(0, homesFirst.size() - 1)) + " and "
                    + homesFirst.get(homesFirst.size() - 1);
        }

        @Override
        public void close() {
            all.parallelStream().forEach(NodeHandle::close);
        }
    }

    private NodeResults measure(Phases phases, ExchangeVerification verification) throws Exception {
        int next = 0;
        int rounds = 0;
        while (parameters.warmup() > 0 && rounds < parameters.warmupRounds()) {
            rounds++;
            progress.accept("warm-up round " + rounds + ": " + parameters.warmup() + " results");
            BurstResult round = phases.burst(next, parameters.warmup());
            next += parameters.warmup();
            double compiling = phases.busiestJitSeconds(round) / round.seconds();
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
        awaitSettled(verification, next);
        phases.countAfterSettling();
        return new NodeResults(
                warmedUp,
                burst,
                steady,
                verification.verify(next, phases.duplicates, phases.doubled, phases.missing),
                null,
                database(network.homes().get(0).value()),
                database(network.host().value()),
                null);
    }

    /** The phases of a run on started nodes, and what they add up to. */
    private final class Phases {

        private final List<NodeHandle> homes;
        private final NodeHandle host;
        private final SisFeeder sis;
        private final HopTimes hops;
        private long duplicates;
        private long doubled;
        private long missing;
        /** CPU and heap of each home during the last burst, in the order of the network's homes. */
        private List<ResourceUsage> burstAtHomes = List.of();

        Phases(List<NodeHandle> homes, NodeHandle host, SisFeeder sis, HopTimes hops) {
            this.homes = homes;
            this.host = host;
            this.sis = sis;
            this.hops = hops;
        }

        private void startPhase() throws IOException {
            for (NodeHandle home : homes) {
                home.startPhase();
            }
            host.startPhase();
        }

        /** The most time any node's JIT compilers spent compiling during the last burst. */
        double busiestJitSeconds(BurstResult round) {
            return Math.max(
                    round.host().jitSeconds(),
                    burstAtHomes.stream()
                            .mapToDouble(ResourceUsage::jitSeconds)
                            .max()
                            .orElse(0));
        }

        BurstResult burst(int from, int count) throws IOException, InterruptedException {
            startPhase();
            long[] issuedAt = switch (parameters.feed()) {
                case "sis" -> sis.burst(from, count);
                default -> host.feedBurst(from, count, parameters.feedThreads());
            };
            Observed observed = observe(from, count, issuedAt);
            burstAtHomes = observed.usageAtHomes;
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
            startPhase();
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
            List<NodeHandle> nodes = new ArrayList<>(homes);
            nodes.add(host);
            long[] before = jitMillis(nodes);
            while (System.nanoTime() < deadline) {
                Thread.sleep(JIT_WINDOW.toMillis());
                long[] now = jitMillis(nodes);
                long busiest = 0;
                for (int i = 0; i < now.length; i++) {
                    busiest = Math.max(busiest, now[i] - before[i]);
                }
                if (busiest < JIT_WINDOW.toMillis() / 20) {
                    break;
                }
                before = now;
            }
            return Duration.ofNanos(System.nanoTime() - start);
        }

        private static long[] jitMillis(List<NodeHandle> nodes) throws IOException {
            long[] millis = new long[nodes.size()];
            for (int i = 0; i < millis.length; i++) {
                millis[i] = nodes.get(i).jitMillis();
            }
            return millis;
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
            startPhase();
            NodeHandle.PhaseReport atHome = endPhaseAtHomes(0, 0).report();
            NodeHandle.PhaseReport atHost = host.endPhase(0, 0);
            duplicates = atHome.duplicates() + atHost.duplicates();
            doubled = atHome.doubled() + atHost.doubled();
        }

        /** How many of the enrolments have their result visible at their home. */
        private int visibleAtHomes(int from, int count) throws IOException {
            int visible = 0;
            for (NodeHandle home : homes) {
                visible += home.visible(from, count);
            }
            return visible;
        }

        /**
         * Ends the phase at every home and adds up what they saw: each enrolment's result becomes visible at its own
         * home only. The usage of the added-up report is the first home's; every home's is in the list.
         */
        private HomesReport endPhaseAtHomes(int from, int count) throws IOException {
            List<NodeHandle.PhaseReport> reports = new ArrayList<>();
            for (NodeHandle home : homes) {
                reports.add(home.endPhase(from, count));
            }
            long[] resultVisibleAt = new long[count];
            long[] receiptVisibleAt = new long[count];
            long seenTwice = 0;
            for (NodeHandle.PhaseReport report : reports) {
                for (int i = 0; i < count; i++) {
                    if (report.resultVisibleAt()[i] != 0 && resultVisibleAt[i] != 0) {
                        seenTwice++;
                    }
                    resultVisibleAt[i] = Math.max(resultVisibleAt[i], report.resultVisibleAt()[i]);
                    receiptVisibleAt[i] = Math.max(receiptVisibleAt[i], report.receiptVisibleAt()[i]);
                }
            }
            long homesDuplicates = reports.stream()
                    .mapToLong(NodeHandle.PhaseReport::duplicates)
                    .sum();
            long refused =
                    reports.stream().mapToLong(NodeHandle.PhaseReport::refused).sum();
            long homesDoubled =
                    reports.stream().mapToLong(NodeHandle.PhaseReport::doubled).sum() + seenTwice;
            return new HomesReport(
                    new NodeHandle.PhaseReport(
                            reports.get(0).usage(),
                            resultVisibleAt,
                            receiptVisibleAt,
                            homesDuplicates,
                            refused,
                            homesDoubled),
                    reports.stream().map(NodeHandle.PhaseReport::usage).toList());
        }

        /** Waits until every result is at home and every receipt back at the host, then collects the times. */
        private Observed observe(int from, int count, long[] startedAt) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + (120_000L + count * 20L) * 1_000_000L;
            while (System.nanoTime() < deadline
                    && (visibleAtHomes(from, count) < count || host.visible(from, count) < count)) {
                Thread.sleep(POLL_MILLIS);
            }
            HomesReport homesReport = endPhaseAtHomes(from, count);
            NodeHandle.PhaseReport atHome = homesReport.report();
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
            return new Observed(atHome, atHost, homesReport.usage(), results, receipts, lastVisible, unseen);
        }
    }

    /** What the homes saw during a phase, added up, and each home's CPU and heap. */
    private record HomesReport(NodeHandle.PhaseReport report, List<ResourceUsage> usage) {}

    private record Observed(
            NodeHandle.PhaseReport atHome,
            NodeHandle.PhaseReport atHost,
            List<ResourceUsage> usageAtHomes,
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
        long arrived = RestLoad.awaitArrival(access(hostUrl), created);
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
                List.of(school, Long.toString(salt), Integer.toString(enrolments), network.encoded()),
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

    private ExchangeVerification.DatabaseAccess access(String url) {
        return new ExchangeVerification.DatabaseAccess(url, servers.databaseUser(), servers.databasePassword());
    }

    private static double perSecond(long count, double seconds) {
        return seconds <= 0 ? 0 : Math.round(count / seconds);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
