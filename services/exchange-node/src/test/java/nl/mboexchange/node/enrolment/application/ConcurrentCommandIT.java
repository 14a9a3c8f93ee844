package nl.mboexchange.node.enrolment.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.EnrolmentStatus;
import nl.mboexchange.node.support.CounterpartSchool;
import nl.mboexchange.node.support.NodeIntegrationTest;
import nl.mboexchange.node.web.IdempotentResponses;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A registrar's command and another change of the same enrolment at the same moment (an incoming receipt, say): the
 * command is carried out on the enrolment as it is after the other change, instead of failing as a conflict.
 */
class ConcurrentCommandIT extends NodeIntegrationTest {

    @Autowired
    private EnrolmentService commands;

    @Autowired
    private DataSource dataSource;

    @Test
    void a_command_that_loses_the_race_is_carried_out_again_on_the_new_state() throws Exception {
        EnrolmentId id = requestedHere();
        long before = version(id);

        racingAnotherChange(
                id, () -> commands.execute(new AcceptEnrolment(id, "Room 2.14"), new Origin.Registrar(REGISTRAR)));

        assertThat(status(id)).isEqualTo(EnrolmentStatus.ACCEPTED.name());
        assertThat(version(id)).as("the other change and then the acceptance").isEqualTo(before + 2);
    }

    @Test
    void a_command_under_an_idempotency_key_is_carried_out_again_within_the_keys_transaction() throws Exception {
        EnrolmentId id = requestedHere();
        String key = UUID.randomUUID().toString();

        MvcTestResult response = racingAnotherChange(
                id, () -> post("/api/v1/enrolments/" + id + "/accept", "{\"note\":\"Room 2.14\"}", key));

        assertThat(response).hasStatusOk();
        assertThat(status(id)).isEqualTo(EnrolmentStatus.ACCEPTED.name());
        assertThat(post("/api/v1/enrolments/" + id + "/accept", "{\"note\":\"Room 2.14\"}", key))
                .as("the key keeps the answer of the attempt that won")
                .hasStatusOk()
                .headers()
                .hasValue(IdempotentResponses.REPLAYED, "true");
    }

    private EnrolmentId requestedHere() {
        EnrolmentId id = EnrolmentId.random();
        incoming.apply(List.of(CounterpartSchool.requests(id, UUID.randomUUID())));
        return id;
    }

    /**
     * Holds an uncommitted change of the enrolment while the command runs on this thread, lets the command read the
     * old state and wait for the row, then commits the change from another thread: the command's write finds the
     * version moved on.
     */
    private <T> T racingAnotherChange(EnrolmentId id, Supplier<T> command) throws Exception {
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement bump = other.prepareStatement(
                    "update enrolment set version = version + 1, last_changed_at = now() where id = ?")) {
                bump.setObject(1, id.value());
                assertThat(bump.executeUpdate()).isEqualTo(1);
            }
            CompletableFuture<Boolean> committed = CompletableFuture.supplyAsync(() -> commitOnceWaitedFor(other));
            T outcome = command.get();
            assertThat(committed.get(30, TimeUnit.SECONDS))
                    .as("the command waited for the other change")
                    .isTrue();
            return outcome;
        }
    }

    private boolean commitOnceWaitedFor(Connection other) {
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            boolean waitedFor = false;
            while (!waitedFor && System.nanoTime() < deadline) {
                waitedFor = jdbc.queryForObject(
                                "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                                        + " and datname = current_database()",
                                Integer.class)
                        > 0;
                Thread.sleep(10);
            }
            other.commit();
            return waitedFor;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long version(EnrolmentId id) {
        return jdbc.queryForObject("select version from enrolment where id = ?", Long.class, id.value());
    }

    private String status(EnrolmentId id) {
        return jdbc.queryForObject("select status from enrolment where id = ?", String.class, id.value());
    }
}
