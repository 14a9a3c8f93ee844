package nl.mboexchange.node.messaging;

import static nl.mboexchange.node.support.RunningNode.TOPIC_PREFIX;
import static nl.mboexchange.node.support.RunningNode.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.mboexchange.exchange.CourseResultRecorded;
import nl.mboexchange.exchange.NumericGrade;
import nl.mboexchange.exchange.RegistrationAccepted;
import nl.mboexchange.exchange.RegistrationRequested;
import nl.mboexchange.exchange.RegistrationWithdrawn;
import nl.mboexchange.node.deadletter.DeadLetters;
import nl.mboexchange.node.outbox.OutboxRecord;
import nl.mboexchange.node.outbox.OutboxRepository;
import nl.mboexchange.node.support.PartnerEvents;
import nl.mboexchange.node.support.RunningNode;
import nl.mboexchange.node.support.Wire;
import nl.mboexchange.node.support.Wire.Sent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One node, school {@value #NODE}, and what another school, {@value #PARTNER}, puts on the channel to it: poison
 * records between good ones on one partition. Every poison record is dead-lettered with its reason, and only it: the
 * good records around it are applied once each, in order, and the channel goes on.
 */
class ExchangeFaultsIT {

    static final String NODE = "41NA";
    static final String PARTNER = "52SA";
    static final String CHANNEL = TOPIC_PREFIX + "exchange." + PARTNER + "." + NODE;
    static final String DEAD_LETTERS = TOPIC_PREFIX + "school." + NODE + ".deadletter";
    /** The node's database refuses an enrolment with this course title: a constraint that the test adds. */
    static final String REFUSED_TITLE = "Refused by a constraint";

    static final int MAX_MESSAGE_BYTES = 20_000;
    static final String TO_PARTNER = TOPIC_PREFIX + "exchange." + NODE + "." + PARTNER;

    static RunningNode node;

    @BeforeAll
    static void start() {
        RunningNode.member(PARTNER);
        node = RunningNode.start(
                NODE, "exchange_faults_41na", Map.of("mbo.kafka.max-message-bytes", MAX_MESSAGE_BYTES));
        node.jdbc()
                .execute("alter table enrolment add constraint it_refuses_a_title check (course_title <> '"
                        + REFUSED_TITLE + "')");
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void poison_between_good_records_is_dead_lettered_alone_and_the_rest_is_applied_once_in_order() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        UUID unusable = UUID.randomUUID();
        // Valid Avro under the contract's record name, but not a version of it: Avro cannot read it as the event.
        int unusableSchema = Wire.registerRaw(
                "it.unusable.exchange",
                "{\"type\":\"record\",\"name\":\"RegistrationRequested\",\"namespace\":\"nl.mboexchange.exchange\","
                        + "\"fields\":[{\"name\":\"n\",\"type\":\"int\"}]}");

        List<Sent> records = new ArrayList<>();
        records.add(event(requested(first, "Webshop bouwen")));
        records.add(event(requested(UUID.randomUUID(), "Webshop bouwen", LocalDate.of(5874898, 1, 1))));
        records.add(event(requested(second, "Webshop bouwen")));
        records.add(event(requested(UUID.randomUUID(), "x".repeat(5000))));
        records.add(event(withdrawn(first)));
        records.add(new Sent(unusable.toString(), Wire.framed(unusableSchema, (byte) 2)));
        RegistrationRequested wrongKey = requested(UUID.randomUUID(), "Webshop bouwen");
        records.add(new Sent(UUID.randomUUID().toString(), Wire.serialize(CHANNEL, wrongKey)));
        records.add(event(requested(third, "Webshop bouwen")));
        RegistrationRequested forged = requested(UUID.randomUUID(), "Webshop bouwen");
        forged.setSenderSchool("25LX");
        records.add(event(forged));
        records.add(new Sent(UUID.randomUUID().toString(), "not avro at all".getBytes()));
        records.add(event(withdrawn(second)));
        records.add(event(requested(UUID.randomUUID(), REFUSED_TITLE)));
        records.add(event(withdrawn(third)));
        Wire.produce(CHANNEL, 0, records);

        Set<String> poison = Set.of(
                records.get(1).key(),
                records.get(3).key(),
                records.get(5).key(),
                records.get(6).key(),
                records.get(8).key(),
                records.get(9).key(),
                records.get(11).key());
        List<ConsumerRecord<String, byte[]>> deadLetters = eventually(
                () -> Wire.read(DEAD_LETTERS, 0).stream()
                        .filter(record -> poison.contains(record.key()))
                        .sorted(Comparator.comparing(
                                record -> Long.parseLong(Wire.header(record, DeadLetters.ORIGINAL_OFFSET))))
                        .toList(),
                letters -> letters.size() >= poison.size());
        assertThat(deadLetters)
                .extracting(record -> Wire.header(record, DeadLetters.REASON))
                .containsExactly(
                        "INVALID", "INVALID", "UNDECODABLE", "INVALID", "FORGED", "UNDECODABLE", "UNPROCESSABLE");
        assertThat(Wire.header(deadLetters.get(0), DeadLetters.DETAIL)).contains("dateOfBirth");
        assertThat(Wire.header(deadLetters.get(6), DeadLetters.DETAIL)).contains("SQLSTATE 23514");

        for (UUID withdrawn : List.of(first, second, third)) {
            node.awaitEnrolment(withdrawn.toString(), body -> "WITHDRAWN".equals(JsonPath.read(body, "$.status")));
            assertThat(node.jdbc()
                            .queryForObject(
                                    "select count(*) from timeline_entry where enrolment_id = ? and direction = 'IN'",
                                    Integer.class,
                                    withdrawn))
                    .as("each good record applied once")
                    .isEqualTo(2);
        }

        var list = node.operatorGet("/dead-letters");
        assertThat(list.status()).isEqualTo(200);
        List<String> reasons = JsonPath.read(list.body(), "$[?(@.topic == '" + CHANNEL + "')].reason");
        assertThat(reasons).hasSize(7);
        assertThat(node.actuator("/prometheus").body())
                .contains("mbo_dead_letters_total{application=\"exchange-node\",reason=\"UNPROCESSABLE\",topic=\""
                        + CHANNEL + "\"}");

        UUID after = UUID.randomUUID();
        Wire.produce(CHANNEL, 0, List.of(event(requested(after, "Webshop bouwen"))));
        node.awaitEnrolment(after.toString(), body -> "REQUESTED".equals(JsonPath.read(body, "$.status")));
        assertThat(node.actuator("/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void an_event_refused_for_arriving_too_early_is_applied_when_replayed_after_the_state_allows_it() {
        UUID id = UUID.randomUUID();
        // The node is home here: its registrar asks the partner to host a student.
        var requested = node.post("/enrolments", """
                {"enrolmentId": "%s", "hostSchool": "%s",
                 "student": {"exchangeId": "%s", "givenName": "Sanne", "familyName": "de Vries",
                             "dateOfBirth": "2007-03-14", "email": "sanne@student.example"},
                 "course": {"courseCode": "K0080", "offeringId": "2026-P3", "title": "Ondernemen",
                            "studyLoadHours": 240, "startDate": "2026-02-01", "endDate": "2026-06-30",
                            "resultScale": "NUMERIC_1_TO_10"}}
                """.formatted(id, PARTNER, UUID.randomUUID()));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);

        CourseResultRecorded early = result(id);
        Wire.produce(CHANNEL, 0, List.of(event(early)));
        var refused = eventually(
                () -> node.operatorGet("/dead-letters"),
                response -> response.status() == 200
                        && !JsonPath.<List<Object>>read(
                                        response.body(), "$[?(@.eventId == '" + early.getEventId() + "')]")
                                .isEmpty());
        Number deadLetter = JsonPath.<List<Number>>read(
                        refused.body(), "$[?(@.eventId == '" + early.getEventId() + "')].id")
                .get(0);
        assertThat(JsonPath.<List<String>>read(
                        refused.body(), "$[?(@.eventId == '" + early.getEventId() + "')].reason"))
                .containsExactly("REFUSED");

        Wire.produce(CHANNEL, 0, List.of(event(accepted(id))));
        node.awaitEnrolment(id.toString(), body -> "ACCEPTED".equals(JsonPath.read(body, "$.status")));

        var replayed = node.operatorPost("/dead-letters/" + deadLetter + "/replay", null);
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        assertThat(JsonPath.<String>read(replayed.body(), "$.replayOutcome")).isEqualTo("APPLIED");
        assertThat(JsonPath.<String>read(replayed.body(), "$.replayedAt")).isNotNull();
        String applied = node.awaitEnrolment(
                id.toString(),
                body -> JsonPath.<List<Object>>read(body, "$.results").size() == 1);
        assertThat(JsonPath.<List<String>>read(applied, "$.results[0].versions[*].grade"))
                .containsExactly("7.5");

        var again = node.operatorPost("/dead-letters/" + deadLetter + "/replay", null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(node.get("/enrolments/" + id).body(), "$.results[0].versions[*].grade"))
                .as("an applied event is never applied twice")
                .containsExactly("7.5");
        assertThat(node.jdbc()
                        .queryForObject(
                                "select count(*) from timeline_entry where enrolment_id = ? and event_type ="
                                        + " 'ResultAcknowledged' and direction = 'OUT'",
                                Integer.class,
                                id))
                .isEqualTo(1);
    }

    @Test
    void a_message_that_cannot_be_sent_holds_back_only_its_own_enrolment_until_an_operator_releases_it() {
        String unreadable = UUID.randomUUID().toString();
        String flowing = UUID.randomUUID().toString();
        String tooLarge = UUID.randomUUID().toString();
        node.jdbc()
                .update(
                        "insert into outbox_event (event_id, topic, message_key, event_type, record, payload_schema,"
                                + " created_at) values (?, ?, ?, 'RegistrationAccepted', ?, ?, now())",
                        UUID.randomUUID(),
                        TO_PARTNER,
                        unreadable,
                        new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff},
                        RegistrationAccepted.getClassSchema().getFullName());
        OutboxRepository outbox = node.bean(OutboxRepository.class);
        RegistrationAccepted behindUnreadable = acceptance(unreadable, "behind the unreadable one");
        RegistrationAccepted other = acceptance(flowing, "another enrolment");
        RegistrationAccepted large = acceptance(tooLarge, "x".repeat(MAX_MESSAGE_BYTES));
        node.bean(TransactionTemplate.class)
                .executeWithoutResult(status -> outbox.enqueue(List.of(
                        new OutboxRecord(behindUnreadable.getEventId(), TO_PARTNER, unreadable, behindUnreadable),
                        new OutboxRecord(other.getEventId(), TO_PARTNER, flowing, other),
                        new OutboxRecord(large.getEventId(), TO_PARTNER, tooLarge, large))));

        assertThat(Wire.read(TO_PARTNER, 1).stream().map(ConsumerRecord::key)).contains(flowing);
        var held = eventually(
                () -> node.operatorGet("/outbox/held"),
                response -> JsonPath.<List<Object>>read(response.body(), "$").size() == 2);
        assertThat(JsonPath.<List<String>>read(held.body(), "$[*].key")).containsExactly(unreadable, tooLarge);
        assertThat(JsonPath.<List<Integer>>read(held.body(), "$[*].heldBack")).containsExactly(1, 0);
        assertThat(JsonPath.<String>read(held.body(), "$[0].because")).contains("cannot be read");
        assertThat(JsonPath.<String>read(held.body(), "$[1].because")).contains("bytes");
        assertThat(Wire.read(TO_PARTNER, 1).stream().map(ConsumerRecord::key))
                .as("nothing of the held enrolments is sent")
                .doesNotContain(unreadable, tooLarge);
        assertThat(node.actuator("/prometheus").body())
                .contains("mbo_outbox_held_messages{application=\"exchange-node\"} 2.0");

        Number unreadableId = JsonPath.read(held.body(), "$[0].id");
        var released = node.operatorPost(
                "/outbox/held/" + unreadableId + "/release", "{\"reason\": \"written by a faulty release\"}");
        assertThat(released.status()).as(released.body()).isEqualTo(204);

        eventually(
                () -> Wire.read(TO_PARTNER, 1).stream().map(ConsumerRecord::key).toList(),
                keys -> keys.contains(unreadable));
        assertThat(Wire.read(DEAD_LETTERS, 1).stream()
                        .filter(record -> unreadable.equals(record.key()))
                        .map(record -> Wire.header(record, DeadLetters.REASON)))
                .containsExactly("UNSENDABLE");
        assertThat(JsonPath.<List<String>>read(node.operatorGet("/outbox/held").body(), "$[*].key"))
                .containsExactly(tooLarge);
        assertThat(node.operatorPost("/outbox/held/" + unreadableId + "/release", "{\"reason\": \"again\"}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void replaying_needs_an_operator() {
        assertThat(node.get("/operations/dead-letters").status()).isEqualTo(403);
        assertThat(node.operatorGet("/dead-letters/999999999").status()).isEqualTo(404);
    }

    // --- what the partner school puts on the wire

    private static Sent event(org.apache.avro.specific.SpecificRecord event) {
        String key = event.get(event.getSchema().getField("enrolmentId").pos()).toString();
        return new Sent(key, Wire.serialize(CHANNEL, event));
    }

    private static RegistrationRequested requested(UUID id, String title) {
        return requested(id, title, PartnerEvents.DATE_OF_BIRTH);
    }

    private static RegistrationRequested requested(UUID id, String title, LocalDate dateOfBirth) {
        return PartnerEvents.requested(id, PARTNER, NODE, title, dateOfBirth);
    }

    private static RegistrationWithdrawn withdrawn(UUID id) {
        return PartnerEvents.withdrawn(id, PARTNER, NODE);
    }

    private static RegistrationAccepted accepted(UUID id) {
        return RegistrationAccepted.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setEnrolmentId(id)
                .setSenderSchool(PARTNER)
                .setRecipientSchool(NODE)
                .build();
    }

    private static RegistrationAccepted acceptance(String id, String note) {
        return RegistrationAccepted.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setEnrolmentId(UUID.fromString(id))
                .setSenderSchool(NODE)
                .setRecipientSchool(PARTNER)
                .setNote(note)
                .build();
    }

    private static CourseResultRecorded result(UUID id) {
        return CourseResultRecorded.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setEnrolmentId(id)
                .setSenderSchool(PARTNER)
                .setRecipientSchool(NODE)
                .setAttempt(1)
                .setVersion(1)
                .setGrade(NumericGrade.newBuilder()
                        .setValue(new java.math.BigDecimal("7.5"))
                        .build())
                .setFinalResult(false)
                .setAssessedOn(LocalDate.of(2026, 6, 20))
                .build();
    }
}
