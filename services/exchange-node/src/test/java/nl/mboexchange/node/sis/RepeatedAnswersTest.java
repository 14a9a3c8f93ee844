package nl.mboexchange.node.sis;

import static nl.mboexchange.node.enrolment.EnrolmentFixture.HOST;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.mboexchange.node.enrolment.Enrolment;
import nl.mboexchange.node.enrolment.EnrolmentFixture;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.application.Consequences;
import nl.mboexchange.node.enrolment.application.Origin;
import nl.mboexchange.node.enrolment.timeline.TimelineEvent;
import nl.mboexchange.node.kafka.ExchangeTopics;
import nl.mboexchange.node.outbox.OutboxRecord;
import nl.mboexchange.node.result.ResultScale;
import nl.mboexchange.sis.CommandRejected;
import nl.mboexchange.sis.EnrolmentUpdate;
import nl.mboexchange.sis.event.RejectionKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RepeatedAnswersTest {

    private static final IssuedCommand COMMAND =
            new IssuedCommand(UUID.randomUUID(), "RequestEnrolment", "registrar-7", NOW, EnrolmentId.random());

    private final SisUpdates updates =
            new SisUpdates(new ExchangeTopics("mbo."), HOST, Clock.fixed(NOW, ZoneOffset.UTC));
    private final RepeatedAnswers repeated = new RepeatedAnswers(updates.topic());
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void a_kept_answer_comes_back_as_a_new_record_that_names_the_first_and_leaves_the_student_out() {
        var request = EnrolmentFixture.registrationRequested(EnrolmentId.random(), ResultScale.NUMERIC_1_TO_10);
        Enrolment incoming = Enrolment.receiveRequest(request, HOST, NOW);
        OutboxRecord first = updates.of(new Consequences.Entry(
                TimelineEvent.received(request, NOW),
                new Origin.SisCommand(COMMAND.commandId(), COMMAND.issuedBy(), "sis-99XX"),
                incoming.role(),
                incoming.status()));
        EnrolmentUpdate firstUpdate = (EnrolmentUpdate) first.record();

        String stored = json.writeValueAsString(Map.of("answers", repeated.keep(List.of(first))));
        List<OutboxRecord> repeats = repeated.repeat(json.readTree(stored).get("answers"));

        assertThat(stored).doesNotContain(request.student().givenName());
        assertThat(repeats).singleElement().satisfies(repeat -> {
            assertThat(repeat.topic()).isEqualTo(first.topic());
            assertThat(repeat.key()).isEqualTo(first.key());
            EnrolmentUpdate update = (EnrolmentUpdate) repeat.record();
            assertThat(update.getEventId())
                    .isNotEqualTo(firstUpdate.getEventId())
                    .isEqualTo(repeat.messageId());
            assertThat(update.getRepeatOf()).isEqualTo(firstUpdate.getEventId());
            assertThat(update.getStudent()).isNull();
            assertThat(update.getCourse()).isEqualTo(firstUpdate.getCourse());
            assertThat(update.getChange()).isEqualTo(firstUpdate.getChange());
            assertThat(update.getStatus()).isEqualTo(firstUpdate.getStatus());
            assertThat(update.getOccurredAt()).isEqualTo(firstUpdate.getOccurredAt());
            assertThat(update.getCommandId()).isEqualTo(COMMAND.commandId());
        });
    }

    @Test
    void a_rejection_given_in_the_same_poll_is_repeated_with_every_field() {
        OutboxRecord first = updates.rejected(
                COMMAND,
                RejectionKind.INVALID,
                "InvalidGrade",
                "grade",
                "grade is not a grade",
                List.of(new FieldProblem("grade", "InvalidGrade", "grade is not a grade")),
                null);

        CommandRejected repeat =
                (CommandRejected) repeated.repeat(List.of(first)).get(0).record();

        CommandRejected original = (CommandRejected) first.record();
        assertThat(repeat.getRepeatOf()).isEqualTo(original.getEventId());
        assertThat(CommandRejected.newBuilder(repeat)
                        .setEventId(original.getEventId())
                        .setRepeatOf(null)
                        .build())
                .isEqualTo(original);
    }

    @Test
    void a_kept_answer_that_cannot_be_read_is_left_out_rather_than_failing_the_command() {
        var readable = updates.rejected(COMMAND, RejectionKind.NOT_FOUND, "EnrolmentNotFound", null, "not here");
        String stored = json.writeValueAsString(Map.of(
                "answers",
                List.of(
                        Map.of("type", "EnrolmentUpdate", "avro", "AAAA"),
                        Map.of("type", "SomethingElse", "avro", ""),
                        repeated.keep(List.of(readable)).get(0))));

        List<OutboxRecord> repeats = repeated.repeat(json.readTree(stored).get("answers"));

        assertThat(repeats)
                .singleElement()
                .satisfies(repeat -> assertThat(((CommandRejected) repeat.record()).getRepeatOf())
                        .isEqualTo(((CommandRejected) readable.record()).getEventId()));
    }

    @Test
    void a_command_decided_before_answers_were_kept_has_nothing_to_repeat() {
        assertThat(repeated.repeat((tools.jackson.databind.JsonNode) null)).isEmpty();
        assertThat(repeated.repeat(json.readTree("{\"outcome\":\"APPLIED\"}").get("answers")))
                .isEmpty();
    }
}
