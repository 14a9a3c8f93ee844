package nl.mboexchange.node.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.application.EnrolmentService;
import nl.mboexchange.node.enrolment.application.Origin;
import nl.mboexchange.node.enrolment.application.RequestEnrolment;
import nl.mboexchange.node.support.CounterpartSchool;
import nl.mboexchange.node.support.NodeIntegrationTest;
import nl.mboexchange.node.support.RunningNode;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The publisher's side of the outbox: claim in order, mark published, never hand one message to two publishers, and
 * never let a second publisher send a message before the ones a first still holds.
 */
class OutboxRepositoryIT extends NodeIntegrationTest {

    @Autowired
    private OutboxRepository outbox;

    @Autowired
    private EnrolmentService commands;

    @Autowired
    private TransactionTemplate transactions;

    @BeforeEach
    void earlierMessagesArePublished() {
        transactions.executeWithoutResult(status -> {
            List<OutboxMessage> waiting;
            while (!(waiting = outbox.claimBatch(500)).isEmpty()) {
                outbox.removePublished(waiting.stream().map(OutboxMessage::id).toList());
            }
        });
    }

    @Test
    void messages_are_claimed_oldest_first_with_their_event_and_leave_once_published() {
        EnrolmentId first = request();
        EnrolmentId second = request();
        assertThat(outbox.countUnpublished()).isEqualTo(2);

        List<OutboxMessage> claimed = transactions.execute(status -> {
            List<OutboxMessage> batch = outbox.claimBatch(10);
            outbox.removePublished(batch.stream().map(OutboxMessage::id).toList());
            return batch;
        });

        assertThat(claimed).extracting(OutboxMessage::key).containsExactly(first.toString(), second.toString());
        OutboxMessage message = claimed.get(0);
        assertThat(message.topic()).isEqualTo("mbo.exchange.25LX.30GH");
        assertThat(message.eventType()).isEqualTo("RegistrationRequested");
        GenericRecord event = (GenericRecord) message.record();
        assertThat(event.getSchema().getFullName()).isEqualTo("nl.mboexchange.exchange.RegistrationRequested");
        assertThat(event.get("eventId")).hasToString(message.eventId().toString());
        assertThat(event.get("enrolmentId")).hasToString(first.toString());
        assertThat(outbox.countUnpublished()).isZero();
        List<OutboxMessage> nothingLeft = transactions.execute(status -> outbox.claimBatch(10));
        assertThat(nothingLeft).isEmpty();
    }

    @Test
    void a_claim_waits_for_the_messages_another_publisher_holds_and_then_reads_on_behind_them() {
        request();
        request();

        List<CompletableFuture<List<OutboxMessage>>> theirs = new ArrayList<>();
        ExecutorService publisher = Executors.newSingleThreadExecutor();
        List<OutboxMessage> mine = transactions.execute(status -> {
            List<OutboxMessage> claimed = outbox.claimBatch(1);
            theirs.add(CompletableFuture.supplyAsync(
                    () -> transactions.execute(other -> outbox.claimBatch(10)), publisher));
            // The other claim waits on this transaction's lock rather than taking the later message before it.
            RunningNode.eventually(this::claimsWaitingOnALock, waiting -> waiting == 1);
            assertThat(theirs.get(0)).isNotDone();
            outbox.removePublished(claimed.stream().map(OutboxMessage::id).toList());
            return claimed;
        });

        List<OutboxMessage> after = theirs.get(0).join();
        publisher.shutdown();
        assertThat(mine).hasSize(1);
        assertThat(after)
                .extracting(OutboxMessage::id)
                .hasSize(1)
                .doesNotContain(mine.get(0).id());
        assertThat(outbox.countUnpublished()).isEqualTo(1);
    }

    /**
     * A prepared statement keeps the plan it was first given: one made while the outbox was empty is used when a burst
     * or an outage has filled it. The claim must still read the outbox once, not once per waiting message.
     */
    @Test
    void a_claim_planned_for_an_empty_outbox_reads_a_full_one_once() {
        String name = "claim_planned_empty_" + System.nanoTime();
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.execute("analyze outbox_event");
            jdbc.execute("set local plan_cache_mode = force_generic_plan");
            jdbc.execute("prepare " + name + "(int) as " + JdbcOutboxRepository.CLAIM.replace("?", "$1"));
            jdbc.queryForList("explain execute " + name + "(500)");
            jdbc.update("""
                    insert into outbox_event (event_id, topic, message_key, event_type, created_at, payload_schema,
                                              record)
                    select gen_random_uuid(), 'mbo.exchange.25LX.30GH', gen_random_uuid()::text,
                           'RegistrationRequested', now(), 'schema', '\\x00'::bytea
                    from generate_series(1, 2000)""");
            jdbc.update("update outbox_event set held_at = now(), held_because = 'held for the test'"
                    + " where id in (select id from outbox_event order by id limit 3)");

            String plan = jdbc.queryForObject("explain (analyze, format json) execute " + name + "(500)", String.class);
            jdbc.execute("deallocate " + name);

            List<Integer> scansOfTheOutbox =
                    JsonPath.read(plan, "$..[?(@['Relation Name'] == 'outbox_event')]['Actual Loops']");
            assertThat(scansOfTheOutbox).isNotEmpty().containsOnly(1);
            assertThat(JsonPath.<Integer>read(plan, "$[0]['Plan']['Actual Rows']"))
                    .isEqualTo(500);
        });
    }

    private long claimsWaitingOnALock() {
        // Asked inside the claiming transaction, which would otherwise see the activity as it was when it first looked.
        jdbc.queryForList("select pg_stat_clear_snapshot()");
        return jdbc.queryForObject(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                        + " and datname = current_database() and query like '%from outbox_event waiting%'",
                Long.class);
    }

    @Test
    void a_claim_rolled_back_leaves_its_messages_to_be_sent_again() {
        EnrolmentId first = request();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    outbox.removePublished(outbox.claimBatch(10).stream()
                            .map(OutboxMessage::id)
                            .toList());
                    throw new IllegalStateException("Kafka did not take the batch");
                }))
                .isInstanceOf(IllegalStateException.class);

        List<OutboxMessage> again = transactions.execute(status -> outbox.claimBatch(10));
        assertThat(again).extracting(OutboxMessage::key).containsExactly(first.toString());
        assertThat(outbox.countUnpublished()).isEqualTo(1);
    }

    private EnrolmentId request() {
        var example = CounterpartSchool.requests(EnrolmentId.random(), UUID.randomUUID());
        return commands.execute(
                        new RequestEnrolment(null, CounterpartSchool.SCHOOL, example.student(), example.course()),
                        new Origin.Registrar("registrar"))
                .id();
    }
}
