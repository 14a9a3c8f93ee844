package nl.mboexchange.node.sis;

import static nl.mboexchange.node.sis.SisCommandFixture.acceptEnrolment;
import static nl.mboexchange.node.sis.SisCommandFixture.recordResult;
import static nl.mboexchange.node.sis.SisCommandFixture.requestEnrolment;
import static nl.mboexchange.node.sis.SisCommandFixture.withdrawEnrolment;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.application.EnrolmentService;
import nl.mboexchange.node.kafka.ExchangeTopics;
import nl.mboexchange.node.outbox.OutboxPayloads;
import nl.mboexchange.node.outbox.OutboxRepository;
import nl.mboexchange.node.school.SchoolCode;
import nl.mboexchange.node.sis.SisCommandHandler.Outcome;
import nl.mboexchange.node.sis.SisCommandHandler.Received;
import nl.mboexchange.node.support.CounterpartSchool;
import nl.mboexchange.node.support.NodeIntegrationTest;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The handler on its own, on the node's real database: one transaction per poll, its commands carried out one after
 * the other in memory and written together, so that a refused command changes nothing and the poll's other commands
 * commit. The tests look at the exchange events, the answers and the rejections in the outbox.
 */
class SisCommandHandlerIT extends NodeIntegrationTest {

    @Autowired
    private EnrolmentService enrolments;

    @Autowired
    private OutboxRepository outbox;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private JsonMapper json;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private Clock clock;

    private SisCommandHandler handler;

    @BeforeEach
    void handler() {
        SchoolCode self = SchoolCode.of(SELF);
        handler = new SisCommandHandler(
                enrolments,
                new SisCommandStore(jdbc, json, clock),
                outbox,
                new SisCommands(clock),
                new SisUpdates(new ExchangeTopics("mbo."), self, clock),
                transactions,
                meters);
    }

    @Test
    void a_refused_command_is_undone_alone_and_the_rest_of_the_poll_commits() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        var requestFirst = requestEnrolment(first, CounterpartSchool.CODE, UUID.randomUUID());
        var atItself = requestEnrolment(UUID.randomUUID(), SELF, UUID.randomUUID());
        // Refused deep in the domain, after the claim of its id: the home school cannot accept.
        var acceptAtHome = acceptEnrolment(first);
        var requestSecond = requestEnrolment(second, CounterpartSchool.CODE, UUID.randomUUID());

        List<Outcome> outcomes = handler.handle(
                List.of(received(requestFirst), received(atItself), received(acceptAtHome), received(requestSecond)));

        assertThat(outcomes).containsExactly(Outcome.APPLIED, Outcome.REJECTED, Outcome.REJECTED, Outcome.APPLIED);
        assertThat(statusOf(first)).isEqualTo("REQUESTED");
        assertThat(statusOf(second)).isEqualTo("REQUESTED");
        assertThat(jdbc.queryForList(
                        "select event_type from outbox_event where message_key = ? and event_type <> 'EnrolmentUpdate'"
                                + " order by id",
                        String.class,
                        first.toString()))
                .containsExactly("RegistrationRequested", "CommandRejected");
        assertThat(decided(requestFirst, atItself, acceptAtHome, requestSecond)).isEqualTo(4);
        assertThat(answerOf(requestFirst))
                .containsEntry("outcome", "APPLIED")
                .containsEntry("status", "REQUESTED")
                .containsEntry("rejection_kind", null);
        assertThat(answerOf(acceptAtHome))
                .containsEntry("outcome", "REJECTED")
                .containsEntry("status", null)
                .containsEntry("rejection_kind", "CONFLICT")
                .containsEntry("rejection_code", "TransitionNotAllowed");
    }

    /** What the command id is kept with. */
    private Map<String, Object> answerOf(SpecificRecord command) {
        return jdbc.queryForMap(
                "select outcome, status, rejection_kind, rejection_code from sis_command where command_id = ?",
                SisCommands.issued(command).commandId());
    }

    @Test
    void commands_of_one_enrolment_in_one_poll_build_on_each_other_in_order() {
        UUID id = UUID.randomUUID();
        var request = requestEnrolment(id, CounterpartSchool.CODE, UUID.randomUUID());
        var acceptAtHome = acceptEnrolment(id);
        var withdraw = withdrawEnrolment(id);

        List<Outcome> outcomes = handler.handle(List.of(received(request), received(acceptAtHome), received(withdraw)));

        assertThat(outcomes).containsExactly(Outcome.APPLIED, Outcome.REJECTED, Outcome.APPLIED);
        assertThat(statusOf(id)).isEqualTo("WITHDRAWN");
        assertThat(jdbc.queryForList(
                        "select event_type from outbox_event where message_key = ? order by id",
                        String.class,
                        id.toString()))
                .containsExactly(
                        "RegistrationRequested",
                        "RegistrationWithdrawn",
                        "EnrolmentUpdate",
                        "CommandRejected",
                        "EnrolmentUpdate");
        assertThat(records(id, "EnrolmentUpdate"))
                .extracting(update -> update.get("change").toString())
                .containsExactly("ENROLMENT_REQUESTED", "ENROLMENT_WITHDRAWN");
        assertThat(jdbc.queryForObject("select count(*) from timeline_entry where enrolment_id = ?", Integer.class, id))
                .isEqualTo(2);
    }

    @Test
    void a_command_id_is_decided_once_in_the_same_poll_and_in_a_later_one() {
        UUID id = UUID.randomUUID();
        var request = requestEnrolment(id, CounterpartSchool.CODE, UUID.randomUUID());
        var acceptAtHome = acceptEnrolment(id);

        List<Outcome> first = handler.handle(List.of(received(request), received(request), received(acceptAtHome)));
        List<Outcome> again = handler.handle(List.of(received(acceptAtHome), received(request)));

        assertThat(first).containsExactly(Outcome.APPLIED, Outcome.DUPLICATE, Outcome.REJECTED);
        assertThat(again).containsExactly(Outcome.DUPLICATE, Outcome.DUPLICATE);
        assertThat(jdbc.queryForList(
                        "select event_type from outbox_event where message_key = ? and event_type <> 'EnrolmentUpdate'"
                                + " order by id",
                        String.class,
                        id.toString()))
                .containsExactly("RegistrationRequested", "CommandRejected", "CommandRejected");
        // The first answer, its repeat in the same poll and its repeat in the later one.
        List<GenericRecord> requested = records(id, "EnrolmentUpdate");
        assertThat(requested).hasSize(3);
        assertThat(requested.get(0).get("repeatOf")).isNull();
        assertThat(requested.subList(1, 3))
                .allSatisfy(repeat -> assertThat(repeat.get("repeatOf"))
                        .isEqualTo(requested.get(0).get("eventId")))
                .allSatisfy(repeat -> assertThat(repeat.get("change")).hasToString("ENROLMENT_REQUESTED"))
                .allSatisfy(repeat -> assertThat(repeat.get("student")).isNull());
        List<GenericRecord> rejected = records(id, "CommandRejected");
        assertThat(rejected.get(1).get("repeatOf")).isEqualTo(rejected.get(0).get("eventId"));
        assertThat(rejected.get(1).get("code")).isEqualTo(rejected.get(0).get("code"));
    }

    @Test
    void a_command_id_reused_for_another_command_is_rejected_and_the_first_stands() {
        UUID id = UUID.randomUUID();
        var request = requestEnrolment(id, CounterpartSchool.CODE, UUID.randomUUID());
        var sameIdOtherCommand = acceptEnrolment(id);
        sameIdOtherCommand.setCommandId(request.getCommandId());

        List<Outcome> outcomes = handler.handle(List.of(received(request), received(sameIdOtherCommand)));

        List<Outcome> later = handler.handle(List.of(received(sameIdOtherCommand)));

        assertThat(outcomes).containsExactly(Outcome.APPLIED, Outcome.REJECTED);
        assertThat(later).containsExactly(Outcome.REJECTED);
        assertThat(records(id, "CommandRejected")).hasSize(2).allSatisfy(rejected -> {
            assertThat(rejected.get("code")).hasToString("CommandIdReused");
            assertThat(rejected.get("commandType")).hasToString("AcceptEnrolment");
            assertThat(rejected.get("repeatOf")).isNull();
            GenericRecord holder = (GenericRecord) rejected.get("idHeldBy");
            assertThat(holder.get("commandType")).hasToString("RequestEnrolment");
            assertThat(holder.get("enrolmentId")).hasToString(id.toString());
        });
        assertThat(statusOf(id)).isEqualTo("REQUESTED");
    }

    @Test
    void a_date_outside_the_plausible_range_is_rejected_naming_the_field_and_nothing_is_stored() {
        UUID bornLongAgo = UUID.randomUUID();
        UUID endless = UUID.randomUUID();
        UUID good = UUID.randomUUID();
        var requestBornLongAgo = requestEnrolment(bornLongAgo, CounterpartSchool.CODE, UUID.randomUUID());
        requestBornLongAgo.getStudent().setDateOfBirth(LocalDate.parse("-5000000-01-01"));
        var requestEndless = requestEnrolment(endless, CounterpartSchool.CODE, UUID.randomUUID());
        requestEndless.getCourse().setEndDate(LocalDate.parse("+5874898-01-01"));
        var requestGood = requestEnrolment(good, CounterpartSchool.CODE, UUID.randomUUID());

        List<Outcome> outcomes =
                handler.handle(List.of(received(requestBornLongAgo), received(requestEndless), received(requestGood)));

        assertThat(outcomes).containsExactly(Outcome.REJECTED, Outcome.REJECTED, Outcome.APPLIED);
        assertRejected(bornLongAgo, "student.dateOfBirth", "5000000");
        assertRejected(endless, "course.endDate", "5874898");
        assertThat(jdbc.queryForObject(
                        "select count(*) from enrolment where id in (?, ?)", Integer.class, bornLongAgo, endless))
                .isZero();
        assertThat(statusOf(good)).isEqualTo("REQUESTED");
    }

    @Test
    void an_assessment_day_outside_the_plausible_range_is_rejected_deep_in_the_domain() {
        EnrolmentId hosted = EnrolmentId.random();
        incoming.apply(List.of(CounterpartSchool.requests(hosted, UUID.randomUUID())));
        handler.handle(List.of(received(acceptEnrolment(hosted.value()))));
        var farFuture = recordResult(hosted.value(), 1, "7.5", true);
        farFuture.setAssessedOn(LocalDate.parse("+5874898-01-01"));

        List<Outcome> outcomes = handler.handle(List.of(received(farFuture)));

        assertThat(outcomes).containsExactly(Outcome.REJECTED);
        assertRejected(hosted.value(), "assessedOn", "5874898");
        assertThat(jdbc.queryForObject(
                        "select count(*) from result_version where enrolment_id = ?", Integer.class, hosted.value()))
                .isZero();
    }

    private void assertRejected(UUID enrolment, String field, String value) {
        assertThat(records(enrolment, "CommandRejected")).singleElement().satisfies(rejected -> {
            assertThat(rejected.get("kind")).hasToString("INVALID");
            assertThat(rejected.get("field")).hasToString(field);
            // The reason names the field as the domain knows it: the last part of its path in the command.
            assertThat(rejected.get("reason").toString())
                    .contains(field.substring(field.lastIndexOf('.') + 1))
                    .doesNotContain(value);
            assertThat((List<?>) rejected.get("errors"))
                    .singleElement()
                    .satisfies(error ->
                            assertThat(((GenericRecord) error).get("field")).hasToString(field));
        });
    }

    private static Received received(SpecificRecord command) {
        return new Received(SisCommands.issued(command).enrolmentId().toString(), command);
    }

    /** The records of the type waiting in the outbox for the enrolment, oldest first. */
    private List<GenericRecord> records(UUID enrolment, String type) {
        return jdbc.query(
                "select payload_schema, record from outbox_event where message_key = ? and event_type = ? order by id",
                (rs, row) -> OutboxPayloads.read(rs.getString(1), rs.getBytes(2)),
                enrolment.toString(),
                type);
    }

    private String statusOf(UUID id) {
        return jdbc.queryForObject("select status from enrolment where id = ?", String.class, id);
    }

    private int decided(SpecificRecord... commands) {
        int decided = 0;
        for (SpecificRecord command : commands) {
            decided += jdbc.queryForObject(
                    "select count(*) from sis_command where command_id = ?",
                    Integer.class,
                    SisCommands.issued(command).commandId());
        }
        return decided;
    }
}
