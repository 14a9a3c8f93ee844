package nl.mboexchange.node.enrolment;

import static nl.mboexchange.node.enrolment.EnrolmentFixture.HOME;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.HOST;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.NOW;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.STRANGER;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.acceptedIncomingEnrolment;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.acceptedOutgoingEnrolment;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.fromHome;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.fromHost;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.requestedIncomingEnrolment;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.requestedOutgoingEnrolment;
import static nl.mboexchange.node.enrolment.Refusals.assertRefusedWithoutChange;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Erasure of the student's personal data on request: the home school erases and asks, the host erases and confirms. */
class ErasureTest {

    static final Instant LATER = NOW.plusSeconds(3600);

    @Test
    void the_home_school_erases_a_closed_enrolment_and_asks_the_host_to_erase_its_copy() {
        Enrolment enrolment = withdrawnOutgoingEnrolment();
        UUID exchangeId = enrolment.student().exchangeId();

        assertThat(enrolment.requestErasure(LATER)).isTrue();

        assertThat(enrolment.student()).isEqualTo(new VisitingStudent(exchangeId, null, null, null, null));
        assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.WITHDRAWN);
        ErasureRequested request = (ErasureRequested)
                enrolment.releaseEvents().stream().findFirst().orElseThrow();
        assertThat(request.sender()).isEqualTo(HOME);
        assertThat(request.recipient()).isEqualTo(HOST);
        assertThat(request.occurredAt()).isEqualTo(LATER);
        assertThat(enrolment.erasure()).isEqualTo(new Erasure(LATER, request.eventId(), null, null));
        assertThat(enrolment.lastChangedAt()).isEqualTo(LATER);
    }

    @Test
    void every_closed_status_can_be_erased() {
        Enrolment rejected = requestedOutgoingEnrolment();
        rejected.receiveRejection(
                new RegistrationRejected(
                        fromHost(rejected.id()), new Rejection(RejectionReason.COURSE_FULL, "no seats left")),
                NOW);
        Enrolment completed = acceptedOutgoingEnrolment();
        completed.receiveResult(
                EnrolmentFixture.resultFromHost(completed.id(), 1, 1, EnrolmentFixture.SEVEN_AND_A_HALF, true), NOW);
        completed.releaseEvents();

        for (Enrolment closed : new Enrolment[] {rejected, completed, withdrawnOutgoingEnrolment()}) {
            assertThat(closed.requestErasure(LATER)).isTrue();
            assertThat(closed.releaseEvents()).singleElement().isInstanceOf(ErasureRequested.class);
        }
    }

    @Test
    void asking_again_changes_nothing_and_sends_nothing() {
        Enrolment enrolment = withdrawnOutgoingEnrolment();
        enrolment.requestErasure(NOW);
        enrolment.releaseEvents();
        Enrolment.Snapshot before = enrolment.snapshot();

        assertThat(enrolment.requestErasure(LATER)).isFalse();

        assertThat(enrolment.snapshot()).isEqualTo(before);
        assertThat(enrolment.releaseEvents()).isEmpty();
    }

    @Test
    void an_open_enrolment_is_withdrawn_first() {
        for (Enrolment open : new Enrolment[] {requestedOutgoingEnrolment(), acceptedOutgoingEnrolment()}) {
            assertRefusedWithoutChange(open, () -> open.requestErasure(LATER), TransitionNotAllowed.class);
        }
    }

    @Test
    void the_host_cannot_ask_for_erasure() {
        Enrolment incoming = acceptedIncomingEnrolment();

        assertRefusedWithoutChange(incoming, () -> incoming.requestErasure(LATER), TransitionNotAllowed.class);
    }

    @Test
    void the_host_erases_its_copy_whatever_its_state_and_confirms() {
        for (Enrolment incoming : new Enrolment[] {requestedIncomingEnrolment(), acceptedIncomingEnrolment()}) {
            ErasureRequested request = new ErasureRequested(fromHome(incoming.id()));

            incoming.receiveErasureRequest(request, LATER);

            assertThat(incoming.student().givenName()).isNull();
            assertThat(incoming.student().email()).isNull();
            assertThat(incoming.student().exchangeId()).isNotNull();
            ErasureConfirmed confirmation = (ErasureConfirmed)
                    incoming.releaseEvents().stream().findFirst().orElseThrow();
            assertThat(confirmation.requestEventId()).isEqualTo(request.eventId());
            assertThat(confirmation.sender()).isEqualTo(HOST);
            assertThat(confirmation.recipient()).isEqualTo(HOME);
            assertThat(incoming.erasure())
                    .isEqualTo(new Erasure(NOW, request.eventId(), LATER, confirmation.eventId()));
        }
    }

    @Test
    void the_host_refuses_an_erasure_request_from_a_school_that_is_not_the_home_school() {
        Enrolment incoming = acceptedIncomingEnrolment();
        ErasureRequested forged = new ErasureRequested(EventHeader.next(incoming.id(), STRANGER, HOST, NOW));

        assertRefusedWithoutChange(
                incoming, () -> incoming.receiveErasureRequest(forged, LATER), UnexpectedSchool.class);
    }

    @Test
    void the_home_school_records_the_hosts_confirmation_once() {
        Enrolment enrolment = withdrawnOutgoingEnrolment();
        enrolment.requestErasure(NOW);
        ErasureRequested request = (ErasureRequested) enrolment.releaseEvents().get(0);
        ErasureConfirmed confirmation = new ErasureConfirmed(fromHost(enrolment.id()), request.eventId());

        enrolment.receiveErasureConfirmation(confirmation, LATER);

        Erasure confirmed = new Erasure(NOW, request.eventId(), confirmation.occurredAt(), confirmation.eventId());
        assertThat(enrolment.erasure()).isEqualTo(confirmed);
        assertThat(enrolment.erasure().isConfirmed()).isTrue();
        assertThat(enrolment.releaseEvents()).isEmpty();

        ErasureConfirmed again = new ErasureConfirmed(fromHost(enrolment.id()), request.eventId());
        enrolment.receiveErasureConfirmation(again, LATER.plusSeconds(60));
        assertThat(enrolment.erasure()).isEqualTo(confirmed);
    }

    @Test
    void a_confirmation_of_a_request_the_home_school_did_not_send_is_refused() {
        Enrolment notAsked = withdrawnOutgoingEnrolment();
        assertRefusedWithoutChange(
                notAsked,
                () -> notAsked.receiveErasureConfirmation(
                        new ErasureConfirmed(fromHost(notAsked.id()), UUID.randomUUID()), LATER),
                ErasureConfirmationDoesNotMatch.class);

        Enrolment asked = withdrawnOutgoingEnrolment();
        asked.requestErasure(NOW);
        asked.releaseEvents();
        assertRefusedWithoutChange(
                asked,
                () -> asked.receiveErasureConfirmation(
                        new ErasureConfirmed(fromHost(asked.id()), UUID.randomUUID()), LATER),
                ErasureConfirmationDoesNotMatch.class);
    }

    @Test
    void a_confirmation_from_a_school_that_is_not_the_host_is_refused() {
        Enrolment enrolment = withdrawnOutgoingEnrolment();
        enrolment.requestErasure(NOW);
        ErasureRequested request = (ErasureRequested) enrolment.releaseEvents().get(0);
        ErasureConfirmed forged =
                new ErasureConfirmed(EventHeader.next(enrolment.id(), STRANGER, HOME, NOW), request.eventId());

        assertRefusedWithoutChange(
                enrolment, () -> enrolment.receiveErasureConfirmation(forged, LATER), UnexpectedSchool.class);
    }

    private static Enrolment withdrawnOutgoingEnrolment() {
        Enrolment enrolment = acceptedOutgoingEnrolment();
        enrolment.withdraw("left the programme", NOW);
        enrolment.releaseEvents();
        return enrolment;
    }
}
