package nl.mboexchange.node.sis;

import static nl.mboexchange.node.sis.SisCommandFixture.requestEnrolment;
import static nl.mboexchange.node.sis.SisCommandFixture.withdrawEnrolment;
import static nl.mboexchange.node.support.RunningNode.TOPIC_PREFIX;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.mboexchange.node.deadletter.DeadLetters;
import nl.mboexchange.node.support.RunningNode;
import nl.mboexchange.node.support.Wire;
import nl.mboexchange.node.support.Wire.Sent;
import nl.mboexchange.sis.CommandRejected;
import nl.mboexchange.sis.RequestEnrolment;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A SIS that sends poison between good commands on one partition of its school's commands topic. A command with a
 * bad value is answered with a rejection; a record that is no command, or that the database refuses, is
 * dead-lettered; the good commands around them are carried out once each, in order, and the topic goes on.
 */
class SisCommandFaultsIT {

    static final String SCHOOL = "71SF";
    static final String HOST = "72SH";
    static final String COMMANDS = TOPIC_PREFIX + "school." + SCHOOL + ".commands";
    static final String DEAD_LETTERS = TOPIC_PREFIX + "school." + SCHOOL + ".deadletter";
    static final String REFUSED_TITLE = "Refused by a constraint";

    static RunningNode node;
    static SchoolSis sis;

    @BeforeAll
    static void start() {
        // The host of the requests is a member of the network, though no node of it runs here.
        RunningNode.member(HOST);
        node = RunningNode.start(SCHOOL, "sis_faults_71sf", Map.of());
        node.jdbc()
                .execute("alter table enrolment add constraint it_refuses_a_title check (course_title <> '"
                        + REFUSED_TITLE + "')");
        sis = new SchoolSis(SCHOOL);
    }

    @AfterAll
    static void stop() {
        if (sis != null) {
            sis.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void poison_between_good_commands_is_rejected_or_dead_lettered_alone_and_the_rest_is_carried_out_once_in_order() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        // Valid Avro under the contract's record name, but not a version of it: Avro cannot read it as the command.
        int unusableSchema = Wire.registerRaw(
                "it.unusable.sis",
                "{\"type\":\"record\",\"name\":\"RequestEnrolment\",\"namespace\":\"nl.mboexchange.sis\","
                        + "\"fields\":[{\"name\":\"n\",\"type\":\"int\"}]}");

        RequestEnrolment tooOld = request(UUID.randomUUID());
        tooOld.getStudent().setDateOfBirth(LocalDate.of(-5000000, 1, 1));
        RequestEnrolment tooLong = request(UUID.randomUUID());
        tooLong.getStudent().setGivenName("x".repeat(5000));
        RequestEnrolment wrongKey = request(UUID.randomUUID());
        RequestEnrolment refusedByDatabase = request(UUID.randomUUID());
        refusedByDatabase.getCourse().setTitle(REFUSED_TITLE);

        List<Sent> records = new ArrayList<>();
        records.add(command(request(first)));
        records.add(command(tooOld));
        records.add(command(request(second)));
        records.add(command(tooLong));
        records.add(command(withdrawEnrolment(first)));
        records.add(new Sent(UUID.randomUUID().toString(), Wire.framed(unusableSchema, (byte) 2)));
        records.add(new Sent(UUID.randomUUID().toString(), Wire.serialize(COMMANDS, wrongKey)));
        records.add(command(request(third)));
        records.add(new Sent(UUID.randomUUID().toString(), "not avro at all".getBytes()));
        records.add(command(withdrawEnrolment(second)));
        records.add(command(refusedByDatabase));
        records.add(command(withdrawEnrolment(third)));
        Wire.produce(COMMANDS, 0, records);

        List<ConsumerRecord<String, byte[]>> deadLetters = Wire.read(DEAD_LETTERS, 3);
        // Dead letters keep their record's key, so they spread over the topic's partitions: no order between them.
        assertThat(deadLetters)
                .extracting(record -> Wire.header(record, DeadLetters.REASON))
                .containsExactlyInAnyOrder("UNDECODABLE", "UNDECODABLE", "UNPROCESSABLE");
        assertThat(deadLetters)
                .filteredOn(record -> "UNPROCESSABLE".equals(Wire.header(record, DeadLetters.REASON)))
                .singleElement()
                .satisfies(record -> {
                    assertThat(record.key())
                            .isEqualTo(refusedByDatabase.getEnrolmentId().toString());
                    assertThat(Wire.header(record, DeadLetters.DETAIL)).contains("SQLSTATE 23514");
                });

        assertThat(rejection(tooOld).getField()).contains("dateOfBirth");
        assertThat(rejection(tooLong).getField()).contains("givenName");
        assertThat(rejection(wrongKey).getField()).isEqualTo("key");

        for (UUID withdrawn : List.of(first, second, third)) {
            node.awaitEnrolment(withdrawn.toString(), body -> "WITHDRAWN".equals(JsonPath.read(body, "$.status")));
            assertThat(node.jdbc()
                            .queryForObject(
                                    "select count(*) from timeline_entry where enrolment_id = ?",
                                    Integer.class,
                                    withdrawn))
                    .as("each good command carried out once")
                    .isEqualTo(2);
        }
        assertThat(node.get("/enrolments/" + refusedByDatabase.getEnrolmentId()).status())
                .isEqualTo(404);

        UUID after = UUID.randomUUID();
        Wire.produce(COMMANDS, 0, List.of(command(request(after))));
        node.awaitEnrolment(after.toString(), body -> "REQUESTED".equals(JsonPath.read(body, "$.status")));
        var listed = node.operatorGet("/dead-letters");
        assertThat(JsonPath.<List<String>>read(listed.body(), "$[?(@.topic == '" + COMMANDS + "')].source"))
                .containsOnly("SIS_COMMANDS")
                .hasSize(3);
    }

    private static RequestEnrolment request(UUID id) {
        return requestEnrolment(id, HOST, UUID.randomUUID());
    }

    private static Sent command(SpecificRecord command) {
        String key =
                command.get(command.getSchema().getField("enrolmentId").pos()).toString();
        return new Sent(key, Wire.serialize(COMMANDS, command));
    }

    private static CommandRejected rejection(RequestEnrolment command) {
        List<Object> answers = sis.awaitEvents(
                command.getEnrolmentId(),
                events -> events.stream()
                        .anyMatch(event -> event instanceof CommandRejected rejected
                                && rejected.getCommandId().equals(command.getCommandId())));
        return answers.stream()
                .filter(CommandRejected.class::isInstance)
                .map(CommandRejected.class::cast)
                .filter(rejected -> rejected.getCommandId().equals(command.getCommandId()))
                .findFirst()
                .orElseThrow();
    }
}
