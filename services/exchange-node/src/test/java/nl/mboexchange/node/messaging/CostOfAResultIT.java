package nl.mboexchange.node.messaging;

import static nl.mboexchange.node.support.RunningNode.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.ToIntFunction;
import nl.mboexchange.node.enrolment.Enrolment;
import nl.mboexchange.node.enrolment.EnrolmentFixture;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.EnrolmentRepository;
import nl.mboexchange.node.enrolment.RegistrationAccepted;
import nl.mboexchange.node.enrolment.RegistrationRequested;
import nl.mboexchange.node.enrolment.VisitingStudent;
import nl.mboexchange.node.sis.SchoolSis;
import nl.mboexchange.node.sis.SisCommandFixture;
import nl.mboexchange.node.support.RunningNode;
import nl.mboexchange.node.support.StatementCount;
import nl.mboexchange.node.support.StatementCount.Transaction;
import nl.mboexchange.node.support.TwoSchools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a result costs the databases on its way: the host's SIS records it, the host sends it, home takes it in and
 * sends its receipt, the host takes the receipt in. Every transaction of each step is counted at the JDBC level
 * ({@link StatementCount}): statements, round trips, rows and commits, for one result alone and for a batch of {@value
 * #BATCH} sent at once. A count does not depend on how busy the machine is, so the table this prints compares one
 * version of the node with the next; it is asserted only that a poll is set-based, i.e. that a poll of many results
 * takes no more round trips than a poll of one.
 */
class CostOfAResultIT {

    private static final int BATCH = 200;

    private static final StatementCount homeCount = new StatementCount();
    private static final StatementCount hostCount = new StatementCount();
    private static RunningNode home;
    private static RunningNode host;
    private static SchoolSis sis;
    private static final List<UUID> enrolments = new ArrayList<>();

    @BeforeAll
    static void startBothSchoolsWithAcceptedEnrolments() {
        Map<String, Object> settings = Map.of("mbo.kafka.reconciliation-interval", "0s");
        home = RunningNode.start(TwoSchools.HOME, "cost_home_25lx", settings, null, List.of(homeCount.installer()));
        host = RunningNode.start(TwoSchools.HOST, "cost_host_30gh", settings, null, List.of(hostCount.installer()));
        sis = new SchoolSis(TwoSchools.HOST);
        for (int i = 0; i <= BATCH; i++) {
            enrolments.add(UUID.randomUUID());
        }
        seed();
    }

    @AfterAll
    static void stopBothSchools() {
        if (sis != null) {
            sis.close();
        }
        if (home != null) {
            home.close();
        }
        if (host != null) {
            host.close();
        }
    }

    @Test
    void a_poll_of_many_results_takes_no_more_round_trips_than_a_poll_of_one() {
        Map<Path, List<Transaction>> one = carry(enrolments.subList(0, 1), false);
        Map<Path, List<Transaction>> many = carry(enrolments.subList(1, BATCH + 1), true);
        System.out.println(table("one result", one, 1));
        System.out.println(table(BATCH + " results sent at once", many, BATCH));

        for (Path poll : List.of(Path.SIS_POLL, Path.HOME_POLL, Path.HOST_POLL)) {
            List<Transaction> single = committed(one.get(poll));
            List<Transaction> batched = committed(many.get(poll));
            assertThat(single).as("%s of one result", poll.title).isNotEmpty();
            int alone = single.stream().mapToInt(Transaction::roundTrips).max().orElseThrow();
            assertThat(batched)
                    .as("%s: a poll of many results takes no more round trips than one of a single result", poll.title)
                    .allSatisfy(transaction -> assertThat(transaction.roundTrips())
                            .as(describe(transaction))
                            .isLessThanOrEqualTo(alone));
            assertThat(batched.stream().mapToInt(poll.results).max().orElse(0))
                    .as("%s: some poll carried many results, or there is nothing to compare", poll.title)
                    .isGreaterThanOrEqualTo(10);
        }
    }

    /**
     * Sends a result for each enrolment, waits until every receipt is back and both outboxes are empty. With {@code
     * stepwise}, each step's consumer waits until the step before it has sent everything, so that a poll takes in as
     * many results as it can, as under a burst.
     */
    private static Map<Path, List<Transaction>> carry(List<UUID> ids, boolean stepwise) {
        homeCount.reset();
        hostCount.reset();
        UUID[] array = ids.toArray(UUID[]::new);
        List<MessageListenerContainer> held = stepwise
                ? List.of(
                        container(host, "sisCommandListenerContainer"),
                        container(home, "exchangeListenerContainer"),
                        container(host, "exchangeListenerContainer"))
                : List.of();
        held.forEach(MessageListenerContainer::pause);
        held.forEach(container -> eventually(container::isContainerPaused, paused -> paused));
        ids.forEach(id -> sis.send(SisCommandFixture.recordResult(id, 1, "7.5", true)));
        if (stepwise) {
            held.get(0).resume();
            eventually(
                    () -> count(host, "select count(*) from result_version where enrolment_id = any(?)", array),
                    count -> count == ids.size());
            eventually(() -> count(host, "select count(*) from outbox_event", null), count -> count == 0);
            held.get(1).resume();
            eventually(
                    () -> count(
                            home,
                            "select count(*) from result_version where receipt_event_id is not null"
                                    + " and enrolment_id = any(?)",
                            array),
                    count -> count == ids.size());
            eventually(() -> count(home, "select count(*) from outbox_event", null), count -> count == 0);
            held.get(2).resume();
        }
        eventually(
                () -> count(
                        host,
                        "select count(*) from result_version where receipt_event_id is not null"
                                + " and enrolment_id = any(?)",
                        array),
                count -> count == ids.size());
        eventually(() -> outboxes(), count -> count == 0);
        // The last commit is counted as it returns, a moment after its effect is visible.
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        Map<Path, List<Transaction>> byPath = new LinkedHashMap<>();
        for (Path path : Path.values()) {
            StatementCount count = path.atHome ? homeCount : hostCount;
            byPath.put(
                    path,
                    count.transactions().stream()
                            .filter(t -> t.thread().startsWith(path.thread))
                            .filter(t -> !path.thread.equals("outbox-publisher")
                                    || t.ran("delete from outbox_event").isPresent() == path.sends)
                            .toList());
        }
        return byPath;
    }

    private static int count(RunningNode node, String sql, UUID[] ids) {
        Integer count = ids == null
                ? node.jdbc().queryForObject(sql, Integer.class)
                : node.jdbc().queryForObject(sql, Integer.class, (Object) ids);
        return count == null ? 0 : count;
    }

    private static MessageListenerContainer container(RunningNode node, String name) {
        return node.bean(name, MessageListenerContainer.class);
    }

    private static int outboxes() {
        Integer atHome = home.jdbc().queryForObject("select count(*) from outbox_event", Integer.class);
        Integer atHost = host.jdbc().queryForObject("select count(*) from outbox_event", Integer.class);
        return atHome + atHost;
    }

    private static List<Transaction> committed(List<Transaction> transactions) {
        return transactions.stream().filter(Transaction::committed).toList();
    }

    /** The steps of a result, each a kind of transaction at one node. */
    private enum Path {
        SIS_POLL(
                "host: SIS command poll",
                false,
                "sisCommandListenerContainer",
                true,
                t -> batchOf(t, "insert into sis_command")),
        HOST_PUBLISH("host: publisher batch", false, "outbox-publisher", true, t -> 0),
        HOME_POLL(
                "home: exchange poll",
                true,
                "exchangeListenerContainer",
                true,
                t -> batchOf(t, "insert into exchange_sent_event")),
        HOME_PUBLISH("home: publisher batch", true, "outbox-publisher", true, t -> 0),
        HOST_POLL(
                "host: exchange poll",
                false,
                "exchangeListenerContainer",
                true,
                t -> batchOf(t, "insert into timeline_entry")),
        HOST_IDLE("host: publisher claim of nothing", false, "outbox-publisher", false, t -> 0),
        HOME_IDLE("home: publisher claim of nothing", true, "outbox-publisher", false, t -> 0);

        final String title;
        final boolean atHome;
        final String thread;
        final boolean sends;
        /** How many results a transaction of this kind carried, where its statements tell. */
        final ToIntFunction<Transaction> results;

        Path(String title, boolean atHome, String thread, boolean sends, ToIntFunction<Transaction> results) {
            this.title = title;
            this.atHome = atHome;
            this.thread = thread;
            this.sends = sends;
            this.results = results;
        }
    }

    private static int batchOf(Transaction transaction, String prefix) {
        return transaction.ran(prefix).map(StatementCount.Executed::batch).orElse(0);
    }

    private static String table(String title, Map<Path, List<Transaction>> byPath, int results) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%nCost of a result, %s (per result; round trips per transaction min-max)%n"
                        + "%-34s %6s %8s %8s %8s %8s %9s%n",
                title,
                "path",
                "txs",
                "stmts",
                "trips",
                "rows",
                "commits",
                "trips/tx"));
        double[] total = new double[4];
        for (Map.Entry<Path, List<Transaction>> entry : byPath.entrySet()) {
            List<Transaction> transactions = entry.getValue();
            double statements =
                    transactions.stream().mapToInt(Transaction::statements).sum() / (double) results;
            double trips =
                    transactions.stream().mapToInt(Transaction::roundTrips).sum() / (double) results;
            double rows = transactions.stream().mapToLong(Transaction::rows).sum() / (double) results;
            double commits = committed(transactions).size() / (double) results;
            if (entry.getKey().sends) {
                total[0] += statements;
                total[1] += trips;
                total[2] += rows;
                total[3] += commits;
            }
            out.append(String.format(
                    Locale.ROOT,
                    "%-34s %6d %8.2f %8.2f %8.2f %8.2f %4d-%-4d%n",
                    entry.getKey().title,
                    transactions.size(),
                    statements,
                    trips,
                    rows,
                    commits,
                    transactions.stream()
                            .mapToInt(Transaction::roundTrips)
                            .min()
                            .orElse(0),
                    transactions.stream()
                            .mapToInt(Transaction::roundTrips)
                            .max()
                            .orElse(0)));
        }
        out.append(String.format(
                Locale.ROOT,
                "%-34s %6s %8.2f %8.2f %8.2f %8.2f%n",
                "the five steps together",
                "",
                total[0],
                total[1],
                total[2],
                total[3]));
        byPath.forEach((path, transactions) -> committed(transactions).stream()
                .max((a, b) -> Integer.compare(a.statements(), b.statements()))
                .ifPresent(largest -> out.append(path.title)
                        .append(", its largest transaction:\n")
                        .append(describe(largest))));
        return out.toString();
    }

    private static String describe(Transaction transaction) {
        StringBuilder out = new StringBuilder();
        transaction
                .executed()
                .forEach(one -> out.append(String.format(
                        Locale.ROOT,
                        "  x%-4d %5d rows  %s%n",
                        one.batch(),
                        one.rows(),
                        one.sql().length() > 110 ? one.sql().substring(0, 110) + "..." : one.sql())));
        out.append(
                String.format(Locale.ROOT, "  + %d round trip(s) to commit or check%n", transaction.moreRoundTrips()));
        return out.toString();
    }

    /** Accepted enrolments at both nodes, each side as its own node keeps it. */
    private static void seed() {
        Instant now = Instant.now();
        List<Enrolment> atHome = new ArrayList<>();
        List<Enrolment> atHost = new ArrayList<>();
        for (UUID id : enrolments) {
            VisitingStudent student = new VisitingStudent(
                    UUID.randomUUID(), "Sanne", "de Vries", LocalDate.of(2008, 3, 14), "student@example.nl");
            Enrolment requested = Enrolment.request(
                    new EnrolmentId(id),
                    EnrolmentFixture.HOME,
                    EnrolmentFixture.HOST,
                    student,
                    EnrolmentFixture.numericCourse(),
                    now);
            Enrolment received = Enrolment.receiveRequest(
                    (RegistrationRequested) requested.releaseEvents().get(0), EnrolmentFixture.HOST, now);
            received.accept("Welkom", now);
            requested.receiveAcceptance(
                    (RegistrationAccepted) received.releaseEvents().get(0), now);
            requested.releaseEvents();
            atHome.add(requested);
            atHost.add(received);
        }
        home.bean(TransactionTemplate.class)
                .executeWithoutResult(
                        status -> home.bean(EnrolmentRepository.class).saveAll(atHome));
        host.bean(TransactionTemplate.class)
                .executeWithoutResult(
                        status -> host.bean(EnrolmentRepository.class).saveAll(atHost));
    }
}
