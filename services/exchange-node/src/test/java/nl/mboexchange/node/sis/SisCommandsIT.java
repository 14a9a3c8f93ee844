package nl.mboexchange.node.sis;

import static nl.mboexchange.node.sis.SisCommandFixture.ISSUED_BY;
import static nl.mboexchange.node.sis.SisCommandFixture.acceptEnrolment;
import static nl.mboexchange.node.sis.SisCommandFixture.correctResult;
import static nl.mboexchange.node.sis.SisCommandFixture.recordResult;
import static nl.mboexchange.node.sis.SisCommandFixture.rejectEnrolment;
import static nl.mboexchange.node.sis.SisCommandFixture.requestEnrolment;
import static nl.mboexchange.node.sis.SisCommandFixture.withdrawEnrolment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import nl.mboexchange.node.support.RunningNode;
import nl.mboexchange.node.support.Wire;
import nl.mboexchange.sis.AcceptEnrolment;
import nl.mboexchange.sis.CommandRejected;
import nl.mboexchange.sis.EnrolmentUpdate;
import nl.mboexchange.sis.RecordResult;
import nl.mboexchange.sis.RequestEnrolment;
import nl.mboexchange.sis.event.EnrolmentChange;
import nl.mboexchange.sis.event.EnrolmentRole;
import nl.mboexchange.sis.event.EnrolmentStatus;
import nl.mboexchange.sis.event.FieldError;
import nl.mboexchange.sis.event.RejectionKind;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two schools whose SIS talk to their nodes over Kafka only: each sends Avro commands to its school's commands topic
 * and reads its school's events topic. No REST call drives anything here.
 */
class SisCommandsIT {

    static final String HOME = "61HM";
    static final String HOST = "62HS";

    static RunningNode home;
    static RunningNode host;
    static SchoolSis homeSis;
    static SchoolSis hostSis;

    @BeforeAll
    static void startBothSchools() {
        home = RunningNode.start(HOME, "sis_home_61hm", Map.of());
        host = RunningNode.start(HOST, "sis_host_62hs", Map.of());
        homeSis = new SchoolSis(HOME);
        hostSis = new SchoolSis(HOST);
    }

    @AfterAll
    static void stopBothSchools() {
        for (AutoCloseable closeable : new AutoCloseable[] {homeSis, hostSis, home, host}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void a_student_is_enrolled_graded_corrected_and_completed_through_the_command_topics_alone() {
        UUID id = UUID.randomUUID();
        RequestEnrolment request = requestEnrolment(id, HOST, UUID.randomUUID());
        homeSis.send(request);
        hostSis.awaitEvents(id, hasChange(EnrolmentChange.VISITING_STUDENT_REGISTERED));

        AcceptEnrolment accept = acceptEnrolment(id);
        hostSis.send(accept);
        homeSis.awaitEvents(id, hasChange(EnrolmentChange.ACCEPTANCE_RECEIVED));

        RecordResult provisional = recordResult(id, 1, "6.4", false);
        hostSis.send(provisional);
        hostSis.awaitEvents(id, receipts(1));
        var correction = correctResult(id, 1, "7.1", false);
        hostSis.send(correction);
        hostSis.awaitEvents(id, receipts(2));
        var finalCorrection = correctResult(id, 2, "7.3", true);
        hostSis.send(finalCorrection);

        List<EnrolmentUpdate> atHome = updates(
                homeSis.settledEvents(id, hasStatus(EnrolmentStatus.COMPLETED).and(receipts(3))));
        List<EnrolmentUpdate> atHost = updates(hostSis.settledEvents(id, hasStatus(EnrolmentStatus.COMPLETED)));

        assertThat(atHome)
                .extracting(EnrolmentUpdate::getChange, EnrolmentUpdate::getStatus, EnrolmentUpdate::getCommandId)
                .containsExactly(
                        tuple(EnrolmentChange.ENROLMENT_REQUESTED, EnrolmentStatus.REQUESTED, request.getCommandId()),
                        tuple(EnrolmentChange.ACCEPTANCE_RECEIVED, EnrolmentStatus.ACCEPTED, null),
                        tuple(EnrolmentChange.RESULT_RECEIVED, EnrolmentStatus.ACCEPTED, null),
                        tuple(EnrolmentChange.RECEIPT_SENT, EnrolmentStatus.ACCEPTED, null),
                        tuple(EnrolmentChange.CORRECTION_RECEIVED, EnrolmentStatus.ACCEPTED, null),
                        tuple(EnrolmentChange.RECEIPT_SENT, EnrolmentStatus.ACCEPTED, null),
                        tuple(EnrolmentChange.CORRECTION_RECEIVED, EnrolmentStatus.COMPLETED, null),
                        tuple(EnrolmentChange.RECEIPT_SENT, EnrolmentStatus.COMPLETED, null));
        assertThat(atHost)
                .extracting(EnrolmentUpdate::getChange, EnrolmentUpdate::getStatus, EnrolmentUpdate::getCommandId)
                .containsExactly(
                        tuple(EnrolmentChange.VISITING_STUDENT_REGISTERED, EnrolmentStatus.REQUESTED, null),
                        tuple(EnrolmentChange.ENROLMENT_ACCEPTED, EnrolmentStatus.ACCEPTED, accept.getCommandId()),
                        tuple(EnrolmentChange.RESULT_RECORDED, EnrolmentStatus.ACCEPTED, provisional.getCommandId()),
                        tuple(EnrolmentChange.RECEIPT_RECEIVED, EnrolmentStatus.ACCEPTED, null),
                        tuple(EnrolmentChange.RESULT_CORRECTED, EnrolmentStatus.ACCEPTED, correction.getCommandId()),
                        tuple(EnrolmentChange.RECEIPT_RECEIVED, EnrolmentStatus.ACCEPTED, null),
                        tuple(
                                EnrolmentChange.RESULT_CORRECTED,
                                EnrolmentStatus.ACCEPTED,
                                finalCorrection.getCommandId()),
                        tuple(EnrolmentChange.RECEIPT_RECEIVED, EnrolmentStatus.COMPLETED, null));

        EnrolmentUpdate registered = atHost.get(0);
        assertThat(registered.getRole()).isEqualTo(EnrolmentRole.HOST);
        assertThat(registered.getHomeSchool()).isEqualTo(HOME);
        assertThat(registered.getHostSchool()).isEqualTo(HOST);
        assertThat(registered.getStudent().getFamilyName()).isEqualTo("de Vries");
        assertThat(registered.getCourse().getCourseCode()).isEqualTo("K0080");
        assertThat(atHome.get(0).getRole()).isEqualTo(EnrolmentRole.HOME);
        assertThat(atHome.get(0).getIssuedBy()).isEqualTo(ISSUED_BY);
        assertThat(atHome.get(1).getAcceptanceNote()).isEqualTo("Room 2.14");
        assertThat(atHome.stream()
                        .filter(update -> update.getChange() != EnrolmentChange.RECEIPT_SENT)
                        .skip(2)
                        .map(update -> update.getResult().getGrade()))
                .containsExactly("6.4", "7.1", "7.3");
        assertThat(atHome.get(6).getResult().getVersion()).isEqualTo(3);
        assertThat(atHome.get(6).getResult().getFinalResult()).isTrue();
        assertThat(atHome.get(6).getResult().getCorrectionReason()).isEqualTo("Marked again");
        assertThat(atHost.get(1).getExchangeEventId()).isNotNull();
    }

    @Test
    void the_host_rejects_and_the_home_schools_sis_learns_why() {
        UUID id = requested();

        hostSis.send(rejectEnrolment(id));

        EnrolmentUpdate rejection = update(
                homeSis.awaitEvents(id, hasChange(EnrolmentChange.REJECTION_RECEIVED)),
                EnrolmentChange.REJECTION_RECEIVED);
        assertThat(rejection.getStatus()).isEqualTo(EnrolmentStatus.REJECTED);
        assertThat(rejection.getRejectionReasonCode().name()).isEqualTo("COURSE_FULL");
        assertThat(rejection.getRejectionReasonText()).isEqualTo("All places are taken");
    }

    @Test
    void the_home_school_withdraws_and_the_hosts_sis_learns_it() {
        UUID id = requested();

        homeSis.send(withdrawEnrolment(id));

        EnrolmentUpdate withdrawal = update(
                hostSis.awaitEvents(id, hasChange(EnrolmentChange.WITHDRAWAL_RECEIVED)),
                EnrolmentChange.WITHDRAWAL_RECEIVED);
        assertThat(withdrawal.getStatus()).isEqualTo(EnrolmentStatus.WITHDRAWN);
        assertThat(withdrawal.getWithdrawalReason()).isEqualTo("Changed programme");
    }

    @Test
    void a_command_sent_again_byte_for_byte_has_one_effect_and_its_answer_repeated() {
        UUID id = requested();
        AcceptEnrolment accept = acceptEnrolment(id);

        hostSis.send(accept);
        EnrolmentUpdate first = answer(
                hostSis.awaitEvents(id, answered(accept.getCommandId())), accept.getCommandId(), EnrolmentUpdate.class);
        hostSis.send(accept);
        RecordResult next = recordResult(id, 1, "8.0", false);
        hostSis.send(next);

        List<Object> atHost = hostSis.settledEvents(id, answered(next.getCommandId()));
        assertThat(first.getChange()).isEqualTo(EnrolmentChange.ENROLMENT_ACCEPTED);
        assertThat(first.getRepeatOf()).isNull();
        assertThat(atHost)
                .filteredOn(answers(accept.getCommandId()))
                .hasSize(2)
                .last()
                .isInstanceOfSatisfying(EnrolmentUpdate.class, repeat -> assertRepeats(repeat, first));
        assertThat(atHost).noneMatch(CommandRejected.class::isInstance);
        assertThat(updates(homeSis.settledEvents(id, hasChange(EnrolmentChange.RESULT_RECEIVED))))
                .extracting(EnrolmentUpdate::getChange)
                .containsOnlyOnce(EnrolmentChange.ACCEPTANCE_RECEIVED);
        assertThat(host.jdbc()
                        .queryForObject(
                                "select count(*) from timeline_entry where enrolment_id = ?::uuid and direction = 'OUT'"
                                        + " and event_type = ?",
                                Integer.class,
                                id.toString(),
                                "RegistrationAccepted"))
                .isEqualTo(1);
    }

    @Test
    void a_retry_with_a_new_issued_at_and_issuer_is_answered_with_the_original_outcome() {
        UUID id = accepted();
        RecordResult result = recordResult(id, 1, "6.8", false);
        RecordResult notAGrade = recordResult(id, 2, "7", false);
        hostSis.send(result);
        hostSis.send(notAGrade);
        List<Object> firstAnswers = hostSis.awaitEvents(id, answered(notAGrade.getCommandId()));
        EnrolmentUpdate recorded = answer(firstAnswers, result.getCommandId(), EnrolmentUpdate.class);
        CommandRejected rejected = answer(firstAnswers, notAGrade.getCommandId(), CommandRejected.class);

        RecordResult resultRetried = RecordResult.newBuilder(result)
                .setIssuedAt(result.getIssuedAt().plusSeconds(3600))
                .setIssuedBy("sis-after-restart")
                .build();
        RecordResult notAGradeRetried = RecordResult.newBuilder(notAGrade)
                .setIssuedAt(notAGrade.getIssuedAt().plusSeconds(3600))
                .build();
        hostSis.send(resultRetried);
        hostSis.send(notAGradeRetried);

        List<Object> atHost = hostSis.settledEvents(
                id,
                events -> events.stream()
                                .filter(answers(notAGrade.getCommandId()))
                                .count()
                        == 2);
        assertThat(atHost)
                .filteredOn(answers(result.getCommandId()))
                .hasSize(2)
                .last()
                .isInstanceOfSatisfying(EnrolmentUpdate.class, repeat -> {
                    assertRepeats(repeat, recorded);
                    assertThat(repeat.getChange()).isEqualTo(EnrolmentChange.RESULT_RECORDED);
                    assertThat(repeat.getResult()).isEqualTo(recorded.getResult());
                    // The first answer's, as the command it repeats was issued.
                    assertThat(repeat.getIssuedBy()).isEqualTo(ISSUED_BY);
                });
        assertThat(atHost)
                .filteredOn(answers(notAGrade.getCommandId()))
                .hasSize(2)
                .last()
                .isInstanceOfSatisfying(CommandRejected.class, repeat -> {
                    assertThat(repeat.getRepeatOf()).isEqualTo(rejected.getEventId());
                    assertThat(repeat.getEventId()).isNotEqualTo(rejected.getEventId());
                    assertThat(repeat.getCode()).isEqualTo("InvalidGrade").isEqualTo(rejected.getCode());
                    assertThat(repeat.getErrors()).isEqualTo(rejected.getErrors());
                });
        assertThat(atHost)
                .filteredOn(CommandRejected.class::isInstance)
                .extracting(rejection -> ((CommandRejected) rejection).getCode())
                .doesNotContain("CommandIdReused");
        assertThat(host.jdbc()
                        .queryForObject(
                                "select count(*) from result_version where enrolment_id = ?", Integer.class, id))
                .isEqualTo(1);
    }

    @Test
    void a_command_id_reused_for_other_business_fields_is_rejected_naming_the_command_that_holds_it() {
        UUID id = accepted();
        RecordResult result = recordResult(id, 1, "6.8", false);
        hostSis.send(result);
        EnrolmentUpdate recorded = answer(
                hostSis.awaitEvents(id, answered(result.getCommandId())), result.getCommandId(), EnrolmentUpdate.class);
        UUID other = accepted();
        RecordResult otherGradeSameId = recordResult(other, 1, "9.1", true);
        otherGradeSameId.setCommandId(result.getCommandId());

        hostSis.send(otherGradeSameId);

        CommandRejected reused = answer(
                hostSis.awaitEvents(other, answered(result.getCommandId())),
                result.getCommandId(),
                CommandRejected.class);
        assertThat(reused.getCode()).isEqualTo("CommandIdReused");
        assertThat(reused.getKind()).isEqualTo(RejectionKind.INVALID);
        assertThat(reused.getField()).isEqualTo("commandId");
        assertThat(reused.getRepeatOf()).isNull();
        assertThat(reused.getEnrolmentId()).isEqualTo(other);
        assertThat(reused.getIdHeldBy().getCommandType()).isEqualTo("RecordResult");
        assertThat(reused.getIdHeldBy().getEnrolmentId()).isEqualTo(id);
        assertThat(reused.getIdHeldBy().getDecidedAt()).isNotNull();
        assertThat(reused.getReason()).contains(id.toString());
        assertThat(recorded.getChange()).isEqualTo(EnrolmentChange.RESULT_RECORDED);
        assertThat(host.jdbc()
                        .queryForObject(
                                "select count(*) from result_version where enrolment_id = ?", Integer.class, other))
                .isZero();
    }

    @Test
    void a_command_with_several_wrong_fields_is_rejected_listing_every_one() {
        UUID id = accepted();
        RecordResult wrong = recordResult(id, 0, "08.0", true);
        wrong.setAssessedOn(LocalDate.now(ZoneOffset.UTC).plusDays(2));
        wrong.setIssuedBy("");

        hostSis.send(wrong);

        CommandRejected rejected = answer(
                hostSis.awaitEvents(id, answered(wrong.getCommandId())), wrong.getCommandId(), CommandRejected.class);
        assertThat(rejected.getKind()).isEqualTo(RejectionKind.INVALID);
        assertThat(rejected.getErrors())
                .extracting(FieldError::getField, FieldError::getCode)
                .containsExactly(
                        tuple("issuedBy", "InvalidValue"),
                        tuple("attempt", "InvalidValue"),
                        tuple("grade", "InvalidGrade"),
                        tuple("assessedOn", "InvalidValue"));
        assertThat(rejected.getField()).isEqualTo("issuedBy");
        assertThat(rejected.getCode()).isEqualTo("InvalidValue");
        assertThat(rejected.getErrors())
                .allSatisfy(error -> assertThat(error.getReason()).doesNotContain("08.0"));
    }

    @Test
    void the_events_topic_has_the_retention_the_contract_promises() throws Exception {
        String events = RunningNode.TOPIC_PREFIX + "school." + HOST + ".events";
        try (Admin admin = Admin.create(Wire.asOperator(Map.of()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, events);
            Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);

            assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value())
                    .isEqualTo(Long.toString(Duration.ofDays(28).toMillis()));
        }
    }

    private static void assertRepeats(EnrolmentUpdate repeat, EnrolmentUpdate first) {
        assertThat(repeat.getRepeatOf()).isEqualTo(first.getEventId());
        assertThat(repeat.getEventId()).isNotEqualTo(first.getEventId());
        assertThat(repeat.getCommandId()).isEqualTo(first.getCommandId());
        assertThat(repeat.getChange()).isEqualTo(first.getChange());
        assertThat(repeat.getStatus()).isEqualTo(first.getStatus());
        assertThat(repeat.getOccurredAt()).isEqualTo(first.getOccurredAt());
        assertThat(repeat.getExchangeEventId()).isEqualTo(first.getExchangeEventId());
    }

    @Test
    void a_request_repeated_under_a_new_command_id_changes_nothing_and_says_so() {
        UUID id = UUID.randomUUID();
        UUID student = UUID.randomUUID();
        homeSis.send(requestEnrolment(id, HOST, student));
        RequestEnrolment again = requestEnrolment(id, HOST, student);
        homeSis.send(again);

        EnrolmentUpdate answer = answer(
                homeSis.awaitEvents(id, answered(again.getCommandId())), again.getCommandId(), EnrolmentUpdate.class);

        assertThat(answer.getChange()).isEqualTo(EnrolmentChange.NO_CHANGE);
        assertThat(answer.getStatus()).isEqualTo(EnrolmentStatus.REQUESTED);
        assertThat(updates(homeSis.settledEvents(id, any -> true)))
                .extracting(EnrolmentUpdate::getChange)
                .containsExactly(EnrolmentChange.ENROLMENT_REQUESTED, EnrolmentChange.NO_CHANGE);
    }

    @Test
    void an_invalid_command_is_rejected_with_its_reason_and_changes_nothing() {
        UUID id = accepted();
        String before = stateOf(host, id);

        RecordResult offTheScale = recordResult(id, 1, "11.5", false);
        hostSis.send(offTheScale);
        AcceptEnrolment again = acceptEnrolment(id);
        hostSis.send(again);
        RecordResult unknown = recordResult(UUID.randomUUID(), 1, "7.0", false);
        hostSis.send(unknown);
        AcceptEnrolment wrongSide = acceptEnrolment(id);
        homeSis.send(wrongSide);

        CommandRejected invalid = answer(
                hostSis.awaitEvents(id, answered(offTheScale.getCommandId())),
                offTheScale.getCommandId(),
                CommandRejected.class);
        assertThat(invalid.getKind()).isEqualTo(RejectionKind.INVALID);
        assertThat(invalid.getCode()).isEqualTo("InvalidGrade");
        assertThat(invalid.getField()).isEqualTo("grade");
        assertThat(invalid.getCommandType()).isEqualTo("RecordResult");
        assertThat(invalid.getIssuedBy()).isEqualTo(ISSUED_BY);
        CommandRejected conflict = answer(
                hostSis.awaitEvents(id, answered(again.getCommandId())), again.getCommandId(), CommandRejected.class);
        assertThat(conflict.getKind()).isEqualTo(RejectionKind.CONFLICT);
        assertThat(conflict.getCode()).isEqualTo("TransitionNotAllowed");
        assertThat(conflict.getReason()).contains("ACCEPTED");
        CommandRejected notFound = answer(
                hostSis.awaitEvents(unknown.getEnrolmentId(), answered(unknown.getCommandId())),
                unknown.getCommandId(),
                CommandRejected.class);
        assertThat(notFound.getKind()).isEqualTo(RejectionKind.NOT_FOUND);
        assertThat(notFound.getCode()).isEqualTo("EnrolmentNotFound");
        CommandRejected otherSide = answer(
                homeSis.awaitEvents(id, answered(wrongSide.getCommandId())),
                wrongSide.getCommandId(),
                CommandRejected.class);
        assertThat(otherSide.getKind()).isEqualTo(RejectionKind.CONFLICT);
        assertThat(stateOf(host, id)).isEqualTo(before);
        assertThat(host.jdbc()
                        .queryForObject(
                                "select count(*) from timeline_entry where enrolment_id = ?::uuid and direction = 'OUT'"
                                        + " and event_type = ?",
                                Integer.class,
                                id.toString(),
                                "CourseResultRecorded"))
                .isZero();
    }

    @Test
    void a_command_under_another_key_than_its_enrolment_is_rejected() {
        UUID id = requested();
        AcceptEnrolment accept = acceptEnrolment(id);
        var serializer = new nl.mboexchange.serde.KafkaAvroSerializer();
        serializer.configure(
                Map.of(
                        nl.mboexchange.serde.AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG,
                        nl.mboexchange.testinfra.TestInfrastructure.get().schemaRegistryUrl(),
                        nl.mboexchange.serde.AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                        "io.confluent.kafka.serializers.subject.RecordNameStrategy"),
                false);

        hostSis.send(
                "another-key", serializer.serialize(RunningNode.TOPIC_PREFIX + "school." + HOST + ".commands", accept));

        CommandRejected rejected = answer(
                hostSis.awaitEvents(id, answered(accept.getCommandId())), accept.getCommandId(), CommandRejected.class);
        assertThat(rejected.getField()).isEqualTo("key");
        assertThat(rejected.getKind()).isEqualTo(RejectionKind.INVALID);
    }

    @Test
    void bytes_that_are_not_avro_are_dead_lettered_and_the_next_command_still_works() {
        UUID id = requested();

        hostSis.send(id.toString(), "this is not Avro".getBytes(StandardCharsets.UTF_8));
        AcceptEnrolment accept = acceptEnrolment(id);
        hostSis.send(accept);

        EnrolmentUpdate accepted = answer(
                hostSis.awaitEvents(id, answered(accept.getCommandId())), accept.getCommandId(), EnrolmentUpdate.class);
        assertThat(accepted.getChange()).isEqualTo(EnrolmentChange.ENROLMENT_ACCEPTED);
        var letter = hostSis.awaitDeadLetters(id.toString(), 1).get(0);
        assertThat(SchoolSis.header(letter, "mbo.deadletter.reason")).isEqualTo("UNDECODABLE");
        assertThat(SchoolSis.header(letter, "mbo.deadletter.original.topic"))
                .isEqualTo(RunningNode.TOPIC_PREFIX + "school." + HOST + ".commands");
        assertThat(new String((byte[]) letter.value(), StandardCharsets.UTF_8)).isEqualTo("this is not Avro");
    }

    @Test
    void a_change_a_registrar_makes_through_the_rest_api_reaches_the_sis_too() {
        UUID id = requested();

        assertThat(host.post("/enrolments/" + id + "/accept", "").status()).isEqualTo(200);

        EnrolmentUpdate accepted = update(
                hostSis.awaitEvents(id, hasChange(EnrolmentChange.ENROLMENT_ACCEPTED)),
                EnrolmentChange.ENROLMENT_ACCEPTED);
        assertThat(accepted.getCommandId()).isNull();
        assertThat(accepted.getStatus()).isEqualTo(EnrolmentStatus.ACCEPTED);
    }

    // --- fixtures

    private static UUID requested() {
        UUID id = UUID.randomUUID();
        homeSis.send(requestEnrolment(id, HOST, UUID.randomUUID()));
        hostSis.awaitEvents(id, hasChange(EnrolmentChange.VISITING_STUDENT_REGISTERED));
        return id;
    }

    private static UUID accepted() {
        UUID id = requested();
        hostSis.send(acceptEnrolment(id));
        homeSis.awaitEvents(id, hasChange(EnrolmentChange.ACCEPTANCE_RECEIVED));
        return id;
    }

    /** The enrolment as stored at the node: its row, its result versions and its timeline. */
    private static String stateOf(RunningNode node, UUID id) {
        return node.jdbc().queryForObject("""
                        select (select e::text from enrolment e where e.id = ?)
                            || '|' || (select count(*) from result_version where enrolment_id = ?)
                            || '|' || (select count(*) from timeline_entry where enrolment_id = ?)
                        """, String.class, id, id, id);
    }

    // --- reading the events topic

    private static Predicate<List<Object>> hasChange(EnrolmentChange change) {
        return events -> updates(events).stream().anyMatch(update -> update.getChange() == change);
    }

    private static Predicate<List<Object>> hasStatus(EnrolmentStatus status) {
        return events -> updates(events).stream().anyMatch(update -> update.getStatus() == status);
    }

    private static Predicate<List<Object>> receipts(int count) {
        return events -> updates(events).stream()
                        .filter(update -> update.getChange() == EnrolmentChange.RECEIPT_RECEIVED
                                || update.getChange() == EnrolmentChange.RECEIPT_SENT)
                        .count()
                >= count;
    }

    private static Predicate<List<Object>> answered(UUID commandId) {
        return events -> events.stream().anyMatch(answers(commandId));
    }

    private static Predicate<Object> answers(UUID commandId) {
        return event -> (event instanceof EnrolmentUpdate update && commandId.equals(update.getCommandId()))
                || (event instanceof CommandRejected rejected && commandId.equals(rejected.getCommandId()));
    }

    private static List<EnrolmentUpdate> updates(List<Object> events) {
        return events.stream()
                .filter(EnrolmentUpdate.class::isInstance)
                .map(EnrolmentUpdate.class::cast)
                .toList();
    }

    /** The first update of this kind. */
    private static EnrolmentUpdate update(List<Object> events, EnrolmentChange change) {
        return updates(events).stream()
                .filter(update -> update.getChange() == change)
                .findFirst()
                .orElseThrow();
    }

    /** The answer to the command: an update or a rejection. */
    private static <T> T answer(List<Object> events, UUID commandId, Class<T> type) {
        Object answer = events.stream().filter(answers(commandId)).findFirst().orElseThrow();
        assertThat(answer).isInstanceOf(type);
        return type.cast(answer);
    }
}
