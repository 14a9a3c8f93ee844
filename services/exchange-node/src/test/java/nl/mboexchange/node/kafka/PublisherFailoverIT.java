package nl.mboexchange.node.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.mboexchange.node.ExchangeNodeApplication;
import nl.mboexchange.node.support.Requests;
import nl.mboexchange.node.support.RunningNode;
import nl.mboexchange.testinfra.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two and three instances of one school's node on one database, as a school runs them for availability: only one
 * publishes the outbox at a time, whichever instance took the command, and another takes over when it stops, or when
 * its process is killed (a separate JVM, {@code kill -9}). The fail-over times are measured and printed; they are
 * bounded by the lease's retry interval, not by a timeout of the database.
 */
class PublisherFailoverIT {

    private static final String SCHOOL = "25LX";
    private static final String PARTNER = "30GH";
    private static final String DATABASE = "failover_25lx";
    private static final Duration RETRY = Duration.ofMillis(500);
    private static final Map<String, Object> SETTINGS =
            Map.of("mbo.kafka.publish-lease-retry-interval", RETRY.toMillis() + "ms");

    private final List<RunningNode> nodes = new ArrayList<>();
    private Process killed;

    @AfterEach
    void stopEverything() {
        if (killed != null) {
            killed.destroyForcibly();
        }
        nodes.forEach(RunningNode::close);
    }

    @Test
    void one_instance_publishes_and_another_takes_over_when_it_is_killed_or_stops() throws Exception {
        RunningNode.member(PARTNER);
        JdbcTemplate database = new JdbcTemplate(new DriverManagerDataSource(
                TestInfrastructure.get().jdbcUrl(DATABASE),
                TestInfrastructure.get().databaseUser(),
                TestInfrastructure.get().databasePassword()));

        // A: a node in a process of its own, which takes the lease first.
        killed = startProcess();
        waitFor(() -> lockHolders(database) == 1, Duration.ofSeconds(120), "the first instance to take the lease");
        long first = lockHolder(database);

        // B: a second instance of the same school, on the same database; it takes commands but does not publish.
        RunningNode second = start();
        Thread.sleep(RETRY.multipliedBy(4).toMillis());
        assertThat(active(second)).as("B publishes while A does").isZero();
        String viaSecond = Requests.enrol(second, PARTNER, Requests.Student.any());
        waitFor(() -> outbox(database) == 0, Duration.ofSeconds(30), "A to publish what B wrote");
        assertThat(published(second)).as("events B published").isZero();
        assertThat(onTimeline(second, viaSecond)).isTrue();

        // A dies: its session ends with its process, and with it the lock.
        long killedAt = System.nanoTime();
        killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        waitFor(() -> active(second) == 1, Duration.ofSeconds(30), "B to take over from the killed A");
        Duration afterKill = Duration.ofNanos(System.nanoTime() - killedAt);
        assertThat(lockHolder(database)).isNotEqualTo(first);
        Requests.enrol(second, PARTNER, Requests.Student.any());
        waitFor(() -> published(second) >= 1, Duration.ofSeconds(30), "B to publish");
        // The counter goes up as Kafka acknowledges, just before the batch's delete commits.
        waitFor(() -> outbox(database) == 0, Duration.ofSeconds(30), "B to take what it sent out of the outbox");

        // C: a third instance waits while B publishes, and takes over when B stops.
        RunningNode third = start();
        Thread.sleep(RETRY.multipliedBy(4).toMillis());
        assertThat(active(third)).as("C publishes while B does").isZero();
        // B gives the lease up early in its shutdown; the rest of its shutdown does not delay C.
        long stoppedAt = System.nanoTime();
        nodes.remove(second);
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(second::close);
        waitFor(() -> active(third) == 1, Duration.ofSeconds(30), "C to take over from the stopping B");
        Duration afterStop = Duration.ofNanos(System.nanoTime() - stoppedAt);
        stopping.get(60, TimeUnit.SECONDS);
        Requests.enrol(third, PARTNER, Requests.Student.any());
        waitFor(() -> published(third) >= 1, Duration.ofSeconds(30), "C to publish");
        assertThat(lockHolders(database)).isEqualTo(1);

        System.out.printf(
                "Publisher fail-over (lease retry interval %d ms): %d ms after kill -9, %d ms after a stop%n",
                RETRY.toMillis(), afterKill.toMillis(), afterStop.toMillis());
        // The bound: one retry interval, plus the time to notice and take the lock; generous for a shared machine.
        assertThat(afterKill).isLessThan(RETRY.plusSeconds(10));
        assertThat(afterStop).isLessThan(RETRY.plusSeconds(10));
    }

    private RunningNode start() {
        RunningNode node = RunningNode.start(SCHOOL, DATABASE, SETTINGS);
        nodes.add(node);
        return node;
    }

    private static Process startProcess() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        String trusted = System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES");
        if (trusted != null) {
            command.add("-Dorg.apache.avro.SERIALIZABLE_PACKAGES=" + trusted);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ExchangeNodeApplication.class.getName());
        command.addAll(List.of(RunningNode.arguments(SCHOOL, DATABASE, SETTINGS)));
        File log = Files.createDirectories(Path.of("target", "failover"))
                .resolve("killed-node.log")
                .toFile();
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
    }

    private static int lockHolders(JdbcTemplate database) {
        return database.queryForObject(LOCKS.replace("pid", "count(*)"), Integer.class, PublisherLease.LOCK_KEY);
    }

    private static long lockHolder(JdbcTemplate database) {
        return database.queryForObject(LOCKS, Long.class, PublisherLease.LOCK_KEY);
    }

    /** The sessions holding the advisory lock: its key's upper and lower 32 bits, as PostgreSQL shows them. */
    private static final String LOCKS = """
            select pid from pg_locks
            where locktype = 'advisory' and granted and objsubid = 1
              and ((classid::bigint << 32) | objid::bigint) = ?
              and database = (select oid from pg_database where datname = current_database())
            """;

    private static long outbox(JdbcTemplate database) {
        return database.queryForObject("select count(*) from outbox_event", Long.class);
    }

    private static double active(RunningNode node) {
        return node.bean(MeterRegistry.class)
                .get("mbo.outbox.publisher.active")
                .gauge()
                .value();
    }

    private static double published(RunningNode node) {
        return node.bean(MeterRegistry.class).find("mbo.events.published").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    private static boolean onTimeline(RunningNode node, String enrolment) {
        return node.get("/enrolments/" + enrolment).body().contains("RegistrationRequested");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration within, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + within.toSeconds() + " s for " + what);
            }
            Thread.sleep(50);
        }
    }
}
