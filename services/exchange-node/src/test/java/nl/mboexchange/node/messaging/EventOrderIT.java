package nl.mboexchange.node.messaging;

import static nl.mboexchange.node.support.RunningNode.TOPIC_PREFIX;
import static nl.mboexchange.node.support.RunningNode.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.mboexchange.exchange.RegistrationRequested;
import nl.mboexchange.exchange.RegistrationWithdrawn;
import nl.mboexchange.node.support.PartnerEvents;
import nl.mboexchange.node.support.Requests;
import nl.mboexchange.node.support.RunningNode;
import nl.mboexchange.node.support.TwoSchools;
import nl.mboexchange.node.support.Wire;
import nl.mboexchange.node.support.Wire.Sent;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Each enrolment's events arrive in the order their sender numbered them, end to end: an event that comes before its
 * predecessor is held, not refused, and applied when the predecessor arrives; and events a channel lost (its records
 * deleted, as retention does) are sent again by the partner when asked (reconciliation).
 */
class EventOrderIT {

    private static final String HOME = TwoSchools.HOME;
    private static final String HOST = TwoSchools.HOST;
    private static final String FROM_HOME = TOPIC_PREFIX + "exchange." + HOME + "." + HOST;
    private static final String FROM_HOST = TOPIC_PREFIX + "exchange." + HOST + "." + HOME;

    static TwoSchools schools;

    @BeforeAll
    static void start() {
        // Reconciliation only when the test asks for it.
        schools = TwoSchools.start("order", Map.of("mbo.kafka.reconciliation-interval", "0s"), null);
    }

    @AfterAll
    static void stop() {
        if (schools != null) {
            schools.close();
        }
    }

    @Test
    void an_event_that_arrives_before_its_predecessor_is_held_and_applied_when_the_predecessor_arrives() {
        RunningNode host = schools.host();
        UUID enrolment = UUID.randomUUID();
        RegistrationRequested requested = PartnerEvents.requested(enrolment, HOME, HOST);
        requested.setPosition(1L);
        RegistrationWithdrawn withdrawn = PartnerEvents.withdrawn(enrolment, HOME, HOST);
        withdrawn.setPosition(2L);

        send(FROM_HOME, enrolment, withdrawn);
        String held = eventually(
                        () -> host.operatorGet("/exchange/held"),
                        r -> r.body().contains(withdrawn.getEventId().toString()))
                .body();
        assertThat(JsonPath.<List<Integer>>read(held, "$[?(@.enrolmentId == '" + enrolment + "')].position"))
                .containsExactly(2);
        assertThat(JsonPath.<List<Integer>>read(held, "$[?(@.enrolmentId == '" + enrolment + "')].receivedUpTo"))
                .containsExactly(0);
        assertThat(host.get("/enrolments/" + enrolment).status()).isEqualTo(404);
        assertThat(gauge(host, "mbo.exchange.held")).isGreaterThanOrEqualTo(1);

        send(FROM_HOME, enrolment, requested);
        String applied = host.awaitEnrolment(enrolment.toString(), body -> "WITHDRAWN".equals(Requests.status(body)));
        assertThat(JsonPath.<List<String>>read(applied, "$.timeline[*].type"))
                .containsExactly("RegistrationRequested", "RegistrationWithdrawn");
        assertThat(JsonPath.<List<Object>>read(applied, "$.timeline[*].refusal"))
                .isEmpty();
        assertThat(host.operatorGet("/exchange/held").body()).doesNotContain(enrolment.toString());

        // Both again, and an event without a position (from a sender that does not number its events) behind them:
        // the duplicates change nothing, the unnumbered one is applied as it comes.
        UUID unnumbered = UUID.randomUUID();
        send(FROM_HOME, enrolment, requested);
        send(FROM_HOME, enrolment, withdrawn);
        send(FROM_HOME, unnumbered, PartnerEvents.requested(unnumbered, HOME, HOST));
        host.awaitEnrolment(unnumbered.toString(), body -> "REQUESTED".equals(Requests.status(body)));
        assertThat(JsonPath.<List<String>>read(
                        host.get("/enrolments/" + enrolment).body(), "$.timeline[*].type"))
                .hasSize(2);
        assertThat(host.operatorGet("/dead-letters?all=true").body())
                .doesNotContain(enrolment.toString())
                .doesNotContain(unnumbered.toString());
    }

    @Test
    void events_a_channel_lost_are_sent_again_when_the_receiver_asks_its_partner() throws Exception {
        RunningNode home = schools.home();
        RunningNode host = schools.host();
        String id = Requests.enrol(home, HOST, Requests.Student.any());
        host.awaitEnrolment(id, body -> true);

        // The home school is away while the host accepts and records a result, and the channel loses those records
        // before it is back, as when they outlive the topic's retention.
        // Stopped rather than paused: a paused consumer that is given a new channel's partitions in a rebalance may
        // read them.
        MessageListenerContainer listener = home.bean("exchangeListenerContainer", MessageListenerContainer.class);
        listener.stop();
        assertThat(listener.isRunning()).isFalse();
        assertThat(host.post("/enrolments/" + id + "/accept", "{\"note\": \"Room 2.14\"}")
                        .status())
                .isEqualTo(200);
        assertThat(host.post(
                                "/enrolments/" + id + "/results",
                                "{\"attempt\": 1, \"grade\": \"6.8\", \"finalResult\": false,"
                                        + " \"assessedOn\": \"2026-06-20\"}")
                        .status())
                .isEqualTo(200);
        eventually(() -> outbox(host), waiting -> waiting == 0);
        long deleted = deleteEveryRecord(FROM_HOST);
        assertThat(deleted).isGreaterThanOrEqualTo(2);

        // Then the host corrects the result: the home school gets that, third, event first, and holds it.
        assertThat(host.post(
                                "/enrolments/" + id + "/results/1/corrections",
                                "{\"expectedVersion\": 1, \"grade\": \"7.2\", \"finalResult\": true,"
                                        + " \"assessedOn\": \"2026-06-20\", \"reason\": \"Portfolio added\"}")
                        .status())
                .isEqualTo(200);
        listener.start();
        String held = eventually(
                        () -> home.operatorGet("/exchange/held"), r -> r.body().contains(id))
                .body();
        assertThat(JsonPath.<List<Integer>>read(held, "$[?(@.enrolmentId == '" + id + "')].position"))
                .containsExactly(3);
        assertThat(Requests.status(home.get("/enrolments/" + id).body())).isEqualTo("REQUESTED");

        // The operator asks the host for what the home school misses.
        var reconciliation = home.operatorPost("/exchange/reconciliation?school=" + HOST, null);
        assertThat(reconciliation.status()).as(reconciliation.body()).isEqualTo(202);
        assertThat(JsonPath.<List<String>>read(reconciliation.body(), "$[*].partner"))
                .containsExactly(HOST);

        String recovered = home.awaitEnrolment(id, body -> "COMPLETED".equals(Requests.status(body)));
        assertThat(JsonPath.<List<String>>read(recovered, "$.timeline[?(@.direction == 'IN')].type"))
                .containsExactly("RegistrationAccepted", "CourseResultRecorded", "CourseResultRecorded");
        assertThat(JsonPath.<List<String>>read(recovered, "$.results[0].versions[*].grade"))
                .containsExactly("6.8", "7.2");
        assertThat(home.operatorGet("/exchange/held").body()).doesNotContain(id);
        assertThat(home.operatorGet("/dead-letters?all=true").body()).doesNotContain(id);
        // The receipts the home school now sends reach the host: both versions are acknowledged there.
        host.awaitEnrolment(
                id,
                body -> JsonPath.<List<Object>>read(body, "$.results[0].versions[*].receipt.eventId")
                                .size()
                        == 2);
    }

    private static void send(String channel, UUID enrolment, Object event) {
        Wire.produce(channel, 0, List.of(new Sent(enrolment.toString(), Wire.serialize(channel, event))));
    }

    private static double gauge(RunningNode node, String name) {
        return node.bean(MeterRegistry.class).get(name).gauge().value();
    }

    private static long outbox(RunningNode node) {
        return node.jdbc().queryForObject("select count(*) from outbox_event", Long.class);
    }

    /** Deletes every record of the topic, as the operator's AdminClient does; returns how many there were. */
    private static long deleteEveryRecord(String topic) throws Exception {
        try (Admin admin = Admin.create(Wire.asOperator(Map.of()))) {
            var partitions = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get()
                    .get(topic)
                    .partitions();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            partitions.forEach(p -> {
                latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
                earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
            });
            var ends = admin.listOffsets(latest).all().get();
            var starts = admin.listOffsets(earliest).all().get();
            Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
            long count = 0;
            for (var end : ends.entrySet()) {
                delete.put(
                        end.getKey(),
                        RecordsToDelete.beforeOffset(end.getValue().offset()));
                count += end.getValue().offset() - starts.get(end.getKey()).offset();
            }
            admin.deleteRecords(delete).all().get();
            return count;
        }
    }
}
