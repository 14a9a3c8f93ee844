package nl.mboexchange.benchmark.faults;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import nl.mboexchange.benchmark.ProgramExit;
import nl.mboexchange.benchmark.QuietLogging;
import nl.mboexchange.benchmark.report.Machine;
import nl.mboexchange.testinfra.TestInfrastructure;

/**
 * The fault suite: on the servers the integration tests use, it starts a home and a host node, seeds N accepted
 * enrolments and shares them out over the faults; for each fault it sends its enrolments' results and corrections
 * through the network, injects the fault while they travel, waits until every result and receipt is applied, and
 * counts in both databases what was sent, applied, lost, doubled and dead-lettered. It prints a row per fault, writes
 * the figures as JSON and exits with 1 when anything was lost or doubled or a dead letter was not the one expected.
 *
 * <p>Arguments are {@code key=value} pairs; see {@link FaultSuiteParameters} and the module's README.
 */
public final class FaultSuite {

    private final FaultSuiteParameters parameters;
    private final TestInfrastructure servers;
    private final PrintStream log;

    public FaultSuite(FaultSuiteParameters parameters, TestInfrastructure servers, PrintStream log) {
        this.parameters = parameters;
        this.servers = servers;
        this.log = log;
    }

    public static void main(String[] args) {
        QuietLogging.warningsOnly();
        FaultSuiteParameters parameters;
        try {
            parameters = FaultSuiteParameters.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: FaultSuite [key=value ...], keys and defaults: " + FaultSuiteParameters.keys());
            System.exit(64);
            return;
        }
        ProgramExit.after(() -> {
            FaultReport report = new FaultSuite(parameters, TestInfrastructure.get(), System.out).run();
            report.print(System.out);
            Path file = report.write(parameters.output());
            System.out.println("every figure: " + file.toAbsolutePath());
            return report.passed() ? 0 : 1;
        });
    }

    public FaultReport run() throws Exception {
        QuietLogging.warningsOnly();
        Machine machine = Machine.now();
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        step("starting PostgreSQL, Kafka and the schema registry");
        servers.kafkaBootstrapServers();
        servers.schemaRegistryUrl();
        List<Fault> faults =
                parameters.faults().stream().map(FaultCatalogue::named).toList();
        List<Fault> runnable =
                faults.stream().filter(fault -> fault.notRunBecause() == null).toList();
        List<FaultRow> rows = new ArrayList<>();
        try (FaultNetwork network = FaultNetwork.start(parameters, servers, this::step)) {
            int next = 0;
            for (Fault fault : faults) {
                if (fault.notRunBecause() != null) {
                    rows.add(FaultRow.notRun(fault, fault.notRunBecause()));
                    continue;
                }
                int count = share(runnable.indexOf(fault), runnable.size());
                Slice slice = new Slice(next, count);
                next += count;
                step(fault.name() + ": " + count + " enrolments");
                FaultRow row = run(fault, slice, network);
                step(fault.name() + ": " + row.outcome() + (row.note().isEmpty() ? "" : " (" + row.note() + ")"));
                rows.add(row);
            }
        }
        return new FaultReport(
                startedAt,
                parameters.enrolments(),
                parameters.effectiveRetryCap().toMillis() / 1000.0,
                parameters.outage().toMillis() / 1000.0,
                machine.ended(),
                rows);
    }

    /** The enrolments of the {@code index}-th of {@code faults} runnable faults: N shared out, the rest to the first. */
    private int share(int index, int faults) {
        int each = parameters.enrolments() / faults;
        return index == 0 ? parameters.enrolments() - each * (faults - 1) : each;
    }

    private FaultRow run(Fault fault, Slice slice, FaultNetwork network) throws Exception {
        SliceCounts counts = network.counts();
        Instant started = Instant.now();
        long dropped = network.redeliveriesDropped();
        Injection injection;
        try {
            injection = fault.inject(network, slice);
        } catch (RuntimeException e) {
            // A fault that could not be injected as meant proves nothing: the row fails, and says why.
            return new FaultRow(
                    fault.name(),
                    fault.name(),
                    FaultRow.FAILED,
                    slice.count(),
                    (long) SliceCounts.EVENTS_PER_ENROLMENT * slice.count(),
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    null,
                    "not injected: " + e.getMessage());
        }
        boolean arrived = network.awaitComplete(slice);
        Double recovery = null;
        if (arrived) {
            recovery = Math.max(0, System.nanoTime() - injection.endedAtNanos()) / 1e9;
        }
        long redelivered = awaitRedeliveries(network, dropped, injection.redeliveriesExpected());
        long deadLetters = awaitDeadLetters(counts, started, injection.deadLettersExpected());
        SliceCounts.Counted counted = counts.count(slice);
        List<String> problems = new ArrayList<>();
        if (!arrived) {
            problems.add("not every result and receipt arrived within "
                    + parameters.settleTimeout().toSeconds() + " s");
        }
        if (counted.lost() > 0) {
            problems.add(counted.lost() + " lost");
        }
        if (counted.doubled() > 0) {
            problems.add(counted.doubled() + " doubled");
        }
        if (deadLetters != injection.deadLettersExpected()) {
            problems.add(deadLetters + " dead letters, expected " + injection.deadLettersExpected());
        }
        if (injection.redeliveriesExpected() >= 0 && redelivered != injection.redeliveriesExpected()) {
            problems.add(redelivered + " copies dropped, expected " + injection.redeliveriesExpected());
        }
        String note = injection.note();
        if (injection.deadLettersExpected() > 0) {
            note = join(
                    note,
                    "dead letters UNDECODABLE " + counts.deadLetters(started, "UNDECODABLE") + ", FORGED "
                            + counts.deadLetters(started, "FORGED"));
        }
        if (!problems.isEmpty()) {
            note = join(note, String.join(", ", problems));
        }
        return new FaultRow(
                fault.name(),
                injection.injected(),
                problems.isEmpty() ? FaultRow.PASSED : FaultRow.FAILED,
                slice.count(),
                counted.expected(),
                counted.sent(),
                counted.applied(),
                counted.lost(),
                counted.doubled(),
                injection.deadLettersExpected(),
                deadLetters,
                injection.redeliveriesExpected(),
                redelivered,
                recovery == null ? null : Math.round(recovery * 10) / 10.0,
                note);
    }

    /** The copies dropped since {@code before}, once as many as expected were (or a while, when none are known). */
    private long awaitRedeliveries(FaultNetwork network, long before, long expected) throws Exception {
        long deadline = System.nanoTime() + parameters.settleTimeout().toNanos();
        long dropped = network.redeliveriesDropped() - before;
        while (expected > 0 && dropped < expected && System.nanoTime() < deadline) {
            Thread.sleep(250);
            dropped = network.redeliveriesDropped() - before;
        }
        return dropped;
    }

    /** The dead letters since {@code started}, once as many as expected are there (or at the settle timeout). */
    private long awaitDeadLetters(SliceCounts counts, Instant started, long expected) throws Exception {
        long deadline = System.nanoTime() + parameters.settleTimeout().toNanos();
        long seen = counts.deadLetters(started, null);
        while (seen < expected && System.nanoTime() < deadline) {
            Thread.sleep(250);
            seen = counts.deadLetters(started, null);
        }
        return seen;
    }

    private static String join(String first, String second) {
        return first.isEmpty() ? second : first + "; " + second;
    }

    private void step(String message) {
        log.println("[fault-suite] " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + message);
    }
}
