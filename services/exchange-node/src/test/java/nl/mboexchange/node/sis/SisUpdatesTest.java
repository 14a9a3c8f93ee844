package nl.mboexchange.node.sis;

import static nl.mboexchange.node.enrolment.EnrolmentFixture.HOME;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.HOST;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import nl.mboexchange.node.enrolment.Enrolment;
import nl.mboexchange.node.enrolment.EnrolmentFixture;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.ErasureRequested;
import nl.mboexchange.node.enrolment.ExchangeEvent;
import nl.mboexchange.node.enrolment.application.Consequences;
import nl.mboexchange.node.enrolment.application.Origin;
import nl.mboexchange.node.enrolment.timeline.TimelineEvent;
import nl.mboexchange.node.kafka.ExchangeTopics;
import nl.mboexchange.node.outbox.OutboxRecord;
import nl.mboexchange.node.result.NumericGrade;
import nl.mboexchange.node.result.ResultScale;
import nl.mboexchange.sis.CommandRejected;
import nl.mboexchange.sis.EnrolmentUpdate;
import nl.mboexchange.sis.event.EnrolmentChange;
import nl.mboexchange.sis.event.EnrolmentRole;
import nl.mboexchange.sis.event.EnrolmentStatus;
import nl.mboexchange.sis.event.RejectionKind;
import org.junit.jupiter.api.Test;

class SisUpdatesTest {

    private static final IssuedCommand COMMAND =
            new IssuedCommand(UUID.randomUUID(), "CorrectResult", "registrar-7", NOW, EnrolmentId.random());

    private final SisUpdates hostUpdates =
            new SisUpdates(new ExchangeTopics("mbo."), HOST, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_request_received_by_the_host_registers_a_visiting_student_on_the_hosts_events_topic() {
        var request = EnrolmentFixture.registrationRequested(EnrolmentId.random(), ResultScale.PASS_FAIL);
        Enrolment incoming = Enrolment.receiveRequest(request, HOST, NOW);

        OutboxRecord record = hostUpdates.of(received(request, incoming));

        assertThat(record.topic()).isEqualTo("mbo.school.30GH.events");
        assertThat(record.key()).isEqualTo(request.enrolmentId().toString());
        EnrolmentUpdate update = (EnrolmentUpdate) record.record();
        assertThat(update.getChange()).isEqualTo(EnrolmentChange.VISITING_STUDENT_REGISTERED);
        assertThat(update.getRole()).isEqualTo(EnrolmentRole.HOST);
        assertThat(update.getStatus()).isEqualTo(EnrolmentStatus.REQUESTED);
        assertThat(update.getHomeSchool()).isEqualTo(HOME.value());
        assertThat(update.getHostSchool()).isEqualTo(HOST.value());
        assertThat(update.getExchangeEventId()).isEqualTo(request.eventId());
        assertThat(update.getStudent().getExchangeId())
                .isEqualTo(request.student().exchangeId());
        assertThat(update.getCourse().getResultScale().name()).isEqualTo("PASS_FAIL");
        assertThat(update.getCommandId()).isNull();
        assertThat(record.messageId()).isEqualTo(update.getEventId());
    }

    @Test
    void a_correction_the_host_sends_names_the_command_that_made_it() {
        Enrolment enrolment = EnrolmentFixture.incomingEnrolmentWithResult(false);
        enrolment.correctResult(1, 1, NumericGrade.of("8.1"), true, EnrolmentFixture.ASSESSED_ON, "Recounted", NOW);
        ExchangeEvent correction = enrolment.releaseEvents().get(0);

        EnrolmentUpdate update = (EnrolmentUpdate) hostUpdates
                .of(sent(
                        correction,
                        enrolment,
                        new Origin.SisCommand(COMMAND.commandId(), COMMAND.issuedBy(), "sis-99XX")))
                .record();

        assertThat(update.getChange()).isEqualTo(EnrolmentChange.RESULT_CORRECTED);
        assertThat(update.getStatus()).isEqualTo(EnrolmentStatus.ACCEPTED);
        assertThat(update.getCommandId()).isEqualTo(COMMAND.commandId());
        assertThat(update.getIssuedBy()).isEqualTo("registrar-7");
        assertThat(update.getResult().getVersion()).isEqualTo(2);
        assertThat(update.getResult().getGrade()).isEqualTo("8.1");
        assertThat(update.getResult().getFinalResult()).isTrue();
        assertThat(update.getResult().getCorrectionReason()).isEqualTo("Recounted");
    }

    @Test
    void the_receipt_of_a_final_result_tells_the_home_schools_sis_the_enrolment_is_completed() {
        Enrolment enrolment = EnrolmentFixture.acceptedOutgoingEnrolment();
        var result = EnrolmentFixture.resultFromHost(enrolment.id(), 1, 1, EnrolmentFixture.SEVEN_AND_A_HALF, true);
        enrolment.receiveResult(result, NOW);
        ExchangeEvent receipt = enrolment.releaseEvents().get(0);
        var homeUpdates = new SisUpdates(new ExchangeTopics("mbo."), HOME, Clock.fixed(NOW, ZoneOffset.UTC));

        EnrolmentUpdate received =
                (EnrolmentUpdate) homeUpdates.of(received(result, enrolment)).record();
        EnrolmentUpdate sent = (EnrolmentUpdate) homeUpdates
                .of(sent(receipt, enrolment, new Origin.School(HOST)))
                .record();

        assertThat(received.getChange()).isEqualTo(EnrolmentChange.RESULT_RECEIVED);
        assertThat(sent.getChange()).isEqualTo(EnrolmentChange.RECEIPT_SENT);
        assertThat(sent.getStatus()).isEqualTo(EnrolmentStatus.COMPLETED);
        assertThat(sent.getRole()).isEqualTo(EnrolmentRole.HOME);
        assertThat(sent.getResult().getAttempt()).isEqualTo(1);
        assertThat(sent.getResult().getGrade()).isNull();
    }

    @Test
    void an_erasure_request_tells_the_hosts_sis_to_erase_its_copy_and_the_confirmation_follows() {
        Enrolment enrolment = EnrolmentFixture.acceptedIncomingEnrolment();
        ErasureRequested request = new ErasureRequested(EnrolmentFixture.fromHome(enrolment.id()));
        enrolment.receiveErasureRequest(request, NOW);
        ExchangeEvent confirmation = enrolment.releaseEvents().get(0);

        EnrolmentUpdate received =
                (EnrolmentUpdate) hostUpdates.of(received(request, enrolment)).record();
        EnrolmentUpdate sent = (EnrolmentUpdate) hostUpdates
                .of(sent(confirmation, enrolment, new Origin.School(HOME)))
                .record();

        assertThat(received.getChange()).isEqualTo(EnrolmentChange.ERASURE_REQUEST_RECEIVED);
        assertThat(received.getExchangeEventId()).isEqualTo(request.eventId());
        assertThat(received.getStatus()).isEqualTo(EnrolmentStatus.ACCEPTED);
        assertThat(received.getStudent()).isNull();
        assertThat(sent.getChange()).isEqualTo(EnrolmentChange.ERASURE_CONFIRMED);
        assertThat(sent.getExchangeEventId()).isEqualTo(confirmation.eventId());
    }

    @Test
    void a_rejection_names_the_command_and_why_under_the_commands_enrolment() {
        OutboxRecord record = hostUpdates.rejected(
                COMMAND, RejectionKind.CONFLICT, "StaleResultVersion", null, "version 3 is latest");

        assertThat(record.key()).isEqualTo(COMMAND.enrolmentId().toString());
        CommandRejected rejected = (CommandRejected) record.record();
        assertThat(rejected.getCommandId()).isEqualTo(COMMAND.commandId());
        assertThat(rejected.getCommandType()).isEqualTo("CorrectResult");
        assertThat(rejected.getKind()).isEqualTo(RejectionKind.CONFLICT);
        assertThat(rejected.getCode()).isEqualTo("StaleResultVersion");
        assertThat(rejected.getOccurredAt()).isEqualTo(NOW);
    }

    /** An event the enrolment received from the other school and applied. */
    static Consequences.Entry received(ExchangeEvent event, Enrolment enrolment) {
        return new Consequences.Entry(
                TimelineEvent.received(event, NOW),
                new Origin.School(event.sender()),
                enrolment.role(),
                enrolment.status());
    }

    /** An event the enrolment sent, as caused by the given origin. */
    static Consequences.Entry sent(ExchangeEvent event, Enrolment enrolment, Origin origin) {
        return new Consequences.Entry(TimelineEvent.sent(event, NOW), origin, enrolment.role(), enrolment.status());
    }
}
