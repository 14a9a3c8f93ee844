package nl.mboexchange.node.messaging;

import static nl.mboexchange.node.support.RunningNode.TOPIC_PREFIX;
import static nl.mboexchange.node.support.RunningNode.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.mboexchange.exchange.RegistrationAccepted;
import nl.mboexchange.networkadmin.NetworkTopics;
import nl.mboexchange.networkadmin.SchoolAcls;
import nl.mboexchange.node.deadletter.DeadLetters;
import nl.mboexchange.node.support.RunningNode;
import nl.mboexchange.node.support.Wire;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two schools, each with its own node and database, on one real broker and the real registry: home school
 * {@value #HOME} sends its students to host school {@value #HOST}, and everything goes through their REST APIs and
 * the Kafka channels between them.
 */
class TwoSchoolsExchangeIT {

    static final String HOME = "25LX";
    static final String HOST = "30GH";
    static final String FROM_HOST = TOPIC_PREFIX + "exchange." + HOST + "." + HOME;
    static final String FROM_HOME = TOPIC_PREFIX + "exchange." + HOME + "." + HOST;
    static final String HOME_DEAD_LETTERS = TOPIC_PREFIX + "school." + HOME + ".deadletter";

    static RunningNode home;
    static RunningNode host;

    @BeforeAll
    static void startBothSchools() {
        home = RunningNode.start(HOME, "exchange_home_25lx", Map.of());
        host = RunningNode.start(HOST, "exchange_host_30gh", Map.of());
    }

    @AfterAll
    static void stopBothSchools() {
        if (home != null) {
            home.close();
        }
        if (host != null) {
            host.close();
        }
    }

    @Test
    void a_student_is_enrolled_graded_corrected_and_completed_across_two_schools() {
        String id = request(home, HOST, "NUMERIC_1_TO_10");

        String visiting = eventually(
                        () -> host.get("/enrolments?direction=incoming&status=REQUESTED"),
                        list -> list.body().contains(id))
                .body();
        assertThat(JsonPath.<List<String>>read(visiting, "$.items[*].id")).contains(id);
        String atHost = host.awaitEnrolment(id, body -> true);
        assertThat(JsonPath.<String>read(atHost, "$.student.familyName")).isEqualTo("de Vries");
        assertThat(JsonPath.<String>read(atHost, "$.homeSchool")).isEqualTo(HOME);

        assertThat(host.post("/enrolments/" + id + "/accept", "{\"note\":\"Room 2.14\"}")
                        .status())
                .isEqualTo(200);
        home.awaitEnrolment(id, body -> status(body).equals("ACCEPTED"));

        assertThat(host.post("/enrolments/" + id + "/results", result(1, "6.4", false))
                        .status())
                .isEqualTo(200);
        String homeV1 = home.awaitEnrolment(id, body -> latestVersion(body) == 1);
        assertThat(JsonPath.<String>read(homeV1, "$.results[0].versions[0].grade"))
                .isEqualTo("6.4");
        host.awaitEnrolment(id, body -> has(body, "$.results[0].versions[0].receipt.eventId"));

        assertThat(host.post("/enrolments/" + id + "/results/1/corrections", correction(1, "7.1", false))
                        .status())
                .isEqualTo(200);
        String homeV2 = home.awaitEnrolment(id, body -> latestVersion(body) == 2);
        assertThat(JsonPath.<List<String>>read(homeV2, "$.results[0].versions[*].grade"))
                .containsExactly("6.4", "7.1");
        assertThat(JsonPath.<String>read(homeV2, "$.results[0].versions[1].correctionReason"))
                .isEqualTo("Marked again");

        assertThat(host.post("/enrolments/" + id + "/results/1/corrections", correction(2, "7.3", true))
                        .status())
                .isEqualTo(200);
        String completedAtHome = home.awaitEnrolment(id, body -> status(body).equals("COMPLETED"));
        // The host is COMPLETED as soon as it records the final result; the receipt for it comes back after.
        String completedAtHost = host.awaitEnrolment(
                id,
                body -> status(body).equals("COMPLETED")
                        && JsonPath.<List<Object>>read(body, "$.results[0].versions[*].receipt.eventId")
                                        .size()
                                == 3);
        assertThat(JsonPath.<List<String>>read(completedAtHome, "$.results[0].versions[*].grade"))
                .containsExactly("6.4", "7.1", "7.3");
        assertThat(JsonPath.<List<Object>>read(completedAtHost, "$.results[0].versions[*].receipt.eventId"))
                .hasSize(3);
        assertThat(JsonPath.<List<String>>read(completedAtHome, "$.timeline[*].type"))
                .containsSubsequence(
                        "RegistrationRequested",
                        "RegistrationAccepted",
                        "CourseResultRecorded",
                        "ResultAcknowledged",
                        "CourseResultRecorded",
                        "ResultAcknowledged",
                        "CourseResultRecorded",
                        "ResultAcknowledged");
    }

    @Test
    void the_host_rejects_and_the_home_school_learns_why() {
        String id = request(home, HOST, "PASS_FAIL");
        host.awaitEnrolment(id, body -> status(body).equals("REQUESTED"));

        assertThat(host.post(
                                "/enrolments/" + id + "/reject",
                                "{\"reasonCode\":\"COURSE_FULL\",\"reasonText\":\"All places are taken\"}")
                        .status())
                .isEqualTo(200);

        String atHome = home.awaitEnrolment(id, body -> status(body).equals("REJECTED"));
        assertThat(JsonPath.<String>read(atHome, "$.rejection.reasonCode")).isEqualTo("COURSE_FULL");
        assertThat(JsonPath.<String>read(atHome, "$.rejection.reasonText")).isEqualTo("All places are taken");
    }

    @Test
    void the_home_school_withdraws_and_the_host_sees_it() {
        String id = request(home, HOST, "PASS_FAIL");
        host.awaitEnrolment(id, body -> status(body).equals("REQUESTED"));

        assertThat(home.post("/enrolments/" + id + "/withdraw", "{\"reason\":\"Changed programme\"}")
                        .status())
                .isEqualTo(200);

        String atHost = host.awaitEnrolment(id, body -> status(body).equals("WITHDRAWN"));
        assertThat(JsonPath.<String>read(atHost, "$.withdrawalReason")).isEqualTo("Changed programme");
    }

    @Test
    void an_event_delivered_twice_changes_nothing_the_second_time() {
        String id = acceptedEnrolment();
        host.post("/enrolments/" + id + "/results", result(1, "8.0", false));
        home.awaitEnrolment(id, body -> latestVersion(body) == 1);

        for (ConsumerRecord<String, byte[]> record : recordsOf(FROM_HOST, id, 2)) {
            produce(FROM_HOST, id, record.value());
        }
        host.post("/enrolments/" + id + "/results/1/corrections", correction(1, "8.5", false));
        String atHome = home.awaitEnrolment(id, body -> latestVersion(body) == 2);

        assertThat(JsonPath.<List<String>>read(atHome, "$.timeline[?(@.direction == 'IN')].type"))
                .containsExactly("RegistrationAccepted", "CourseResultRecorded", "CourseResultRecorded");
        assertThat(receiptsSentBy(home, id)).isEqualTo(2);
    }

    @Test
    void an_event_from_the_wrong_school_or_from_a_school_that_is_no_member_is_dead_lettered_and_changes_nothing()
            throws Exception {
        String id = request(home, HOST, "NUMERIC_1_TO_10");
        host.awaitEnrolment(id, body -> status(body).equals("REQUESTED"));

        produce(FROM_HOST, id, Wire.serialize(FROM_HOST, accepted(id, "40AB", HOME)));
        // 40AB is no member, yet the operator gave the home node Read on its channel by mistake: the node still
        // refuses what comes on it, before decoding it.
        String strangersChannel = TOPIC_PREFIX + "exchange.40AB." + HOME;
        Wire.createTopic(strangersChannel, 1);
        try (var admin = Admin.create(Wire.asOperator(Map.of()))) {
            admin.createAcls(List.of(SchoolAcls.readChannel(new NetworkTopics(TOPIC_PREFIX), "40AB", HOME)))
                    .all()
                    .get();
        }
        produce(strangersChannel, id, Wire.serialize(strangersChannel, accepted(id, "40AB", HOME)));

        List<ConsumerRecord<String, byte[]>> letters = recordsOf(HOME_DEAD_LETTERS, id, 2);
        assertThat(letters)
                .extracting(letter -> header(letter, DeadLetters.REASON))
                .containsExactly("FORGED", "FORGED");
        assertThat(letters)
                .extracting(letter -> header(letter, DeadLetters.ORIGINAL_TOPIC))
                .containsExactlyInAnyOrder(FROM_HOST, strangersChannel);
        assertThat(letters)
                .filteredOn(letter -> header(letter, DeadLetters.ORIGINAL_TOPIC).equals(strangersChannel))
                .extracting(letter -> header(letter, DeadLetters.DETAIL))
                .containsExactly("sender 40AB is not a member of the network");
        assertThat(status(home.get("/enrolments/" + id).body())).isEqualTo("REQUESTED");
    }

    @Test
    void a_node_requests_no_enrolment_at_a_school_that_is_no_member() {
        var refused =
                home.post("/enrolments", enrolmentRequest(UUID.randomUUID().toString(), "40AB", "NUMERIC_1_TO_10"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("40AB is not a member of the network");
    }

    @Test
    void bytes_that_are_not_avro_are_dead_lettered_and_the_next_event_still_arrives() {
        String id = request(home, HOST, "NUMERIC_1_TO_10");
        host.awaitEnrolment(id, body -> status(body).equals("REQUESTED"));

        produce(FROM_HOST, id, "this is not Avro".getBytes(StandardCharsets.UTF_8));
        host.post("/enrolments/" + id + "/accept", "");

        home.awaitEnrolment(id, body -> status(body).equals("ACCEPTED"));
        ConsumerRecord<String, byte[]> letter =
                recordsOf(HOME_DEAD_LETTERS, id, 1).get(0);
        assertThat(header(letter, DeadLetters.REASON)).isEqualTo("UNDECODABLE");
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("this is not Avro");
    }

    @Test
    void an_event_committed_before_a_restart_is_sent_after_it_exactly_once() {
        String school = "27RS";
        String id;
        try (RunningNode stopped =
                RunningNode.start(school, "exchange_home_27rs", Map.of("mbo.kafka.publish-enabled", false))) {
            id = request(stopped, HOST, "PASS_FAIL");
            assertThat(stopped.jdbc()
                            .queryForObject(
                                    "select count(*) from outbox_event where message_key = ?"
                                            + " and event_type = 'RegistrationRequested'",
                                    Integer.class,
                                    id))
                    .isEqualTo(1);
        }
        try (RunningNode restarted = RunningNode.start(school, "exchange_home_27rs", Map.of())) {
            host.awaitEnrolment(id, body -> status(body).equals("REQUESTED"));
            eventually(
                    () -> restarted
                            .jdbc()
                            .queryForObject(
                                    "select count(*) from outbox_event where message_key = ?", Integer.class, id),
                    unpublished -> unpublished == 0);
        }
        assertThat(recordsOf(TOPIC_PREFIX + "exchange." + school + "." + HOST, id, 1))
                .hasSize(1);
    }

    // --- the registrar's requests

    private static String request(RunningNode node, String hostSchool, String scale) {
        String id = UUID.randomUUID().toString();
        var response = node.post("/enrolments", enrolmentRequest(id, hostSchool, scale));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return id;
    }

    private static String enrolmentRequest(String id, String hostSchool, String scale) {
        return """
                {"enrolmentId": "%s", "hostSchool": "%s",
                 "student": {"exchangeId": "%s", "givenName": "Sanne", "familyName": "de Vries",
                             "dateOfBirth": "2007-03-14", "email": "sanne@student.example"},
                 "course": {"courseCode": "K0080", "offeringId": "2026-S1-A", "title": "Ondernemerschap",
                            "studyLoadHours": 240, "startDate": "2026-02-01", "endDate": "2026-06-30",
                            "resultScale": "%s"}}
                """.formatted(id, hostSchool, UUID.randomUUID(), scale);
    }

    private static String acceptedEnrolment() {
        String id = request(home, HOST, "NUMERIC_1_TO_10");
        host.awaitEnrolment(id, body -> status(body).equals("REQUESTED"));
        host.post("/enrolments/" + id + "/accept", "");
        home.awaitEnrolment(id, body -> status(body).equals("ACCEPTED"));
        return id;
    }

    private static String result(int attempt, String grade, boolean finalResult) {
        return "{\"attempt\": %d, \"grade\": \"%s\", \"finalResult\": %s, \"assessedOn\": \"2026-06-20\"}"
                .formatted(attempt, grade, finalResult);
    }

    private static String correction(int expectedVersion, String grade, boolean finalResult) {
        return ("{\"expectedVersion\": %d, \"grade\": \"%s\", \"finalResult\": %s, \"assessedOn\": \"2026-06-20\","
                        + " \"reason\": \"Marked again\"}")
                .formatted(expectedVersion, grade, finalResult);
    }

    private static String status(String enrolment) {
        return JsonPath.read(enrolment, "$.status");
    }

    private static int latestVersion(String enrolment) {
        return has(enrolment, "$.results[0].latestVersion")
                ? JsonPath.read(enrolment, "$.results[0].latestVersion")
                : 0;
    }

    private static boolean has(String json, String path) {
        try {
            return JsonPath.read(json, path) != null;
        } catch (com.jayway.jsonpath.PathNotFoundException e) {
            return false;
        }
    }

    private static int receiptsSentBy(RunningNode node, String id) {
        return node.jdbc()
                .queryForObject(
                        "select count(*) from timeline_entry where enrolment_id = ?::uuid and direction = 'OUT'"
                                + " and event_type = 'ResultAcknowledged'",
                        Integer.class,
                        id);
    }

    // --- what another school, or an attacker, puts on the wire

    private static RegistrationAccepted accepted(String id, String sender, String recipient) {
        return RegistrationAccepted.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setEnrolmentId(UUID.fromString(id))
                .setSenderSchool(sender)
                .setRecipientSchool(recipient)
                .build();
    }

    private static void produce(String topic, String key, byte[] value) {
        try (var producer = new KafkaProducer<>(
                Wire.asOperator(Map.of(ProducerConfig.ACKS_CONFIG, "all")),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new AssertionError("could not produce to " + topic, e);
        }
    }

    /** Every record of the topic with this key, once at least {@code expected} are there. */
    private static List<ConsumerRecord<String, byte[]>> recordsOf(String topic, String key, int expected) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(
                Wire.asOperator(Map.of(
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "it-reader-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                        500)),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(topic)));
            Instant deadline = Instant.now().plusSeconds(30);
            while (found.size() < expected && Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
            }
            // A moment more, so that a record too many would be seen.
            for (var record : consumer.poll(Duration.ofMillis(500))) {
                if (key.equals(record.key())) {
                    found.add(record);
                }
            }
        }
        assertThat(found).as("records of %s on %s", key, topic).hasSizeGreaterThanOrEqualTo(expected);
        return found;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
