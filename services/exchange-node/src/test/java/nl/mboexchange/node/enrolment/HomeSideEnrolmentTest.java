package nl.mboexchange.node.enrolment;

import static nl.mboexchange.node.enrolment.EnrolmentFixture.HOME;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.HOST;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.NOW;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.SEVEN_AND_A_HALF;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.STRANGER;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.acceptedOutgoingEnrolment;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.fromHost;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.numericCourse;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.requestedOutgoingEnrolment;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.resultFromHost;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.student;
import static nl.mboexchange.node.enrolment.Refusals.assertRefusedWithoutChange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.mboexchange.node.result.Assessment;
import nl.mboexchange.node.result.AttemptNotFound;
import nl.mboexchange.node.result.AttemptOutOfSequence;
import nl.mboexchange.node.result.InvalidGrade;
import nl.mboexchange.node.result.NumericGrade;
import nl.mboexchange.node.result.PassFailGrade;
import nl.mboexchange.node.result.Revocation;
import nl.mboexchange.node.result.StaleResultVersion;
import nl.mboexchange.node.shared.InvalidValue;
import org.junit.jupiter.api.Test;

/** The enrolment as the home school sees it: it requests, may withdraw, and receives decisions and results. */
class HomeSideEnrolmentTest {

    @Test
    void requesting_creates_an_outgoing_enrolment_and_tells_the_host() {
        EnrolmentId id = EnrolmentId.random();
        Enrolment enrolment = Enrolment.request(id, HOME, HOST, student(), numericCourse(), NOW);

        assertThat(enrolment.role()).isEqualTo(EnrolmentRole.HOME);
        assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.REQUESTED);
        assertThat(enrolment.releaseEvents()).singleElement().isInstanceOfSatisfying(RegistrationRequested.class, e -> {
            assertThat(e.enrolmentId()).isEqualTo(id);
            assertThat(e.sender()).isEqualTo(HOME);
            assertThat(e.recipient()).isEqualTo(HOST);
            assertThat(e.occurredAt()).isEqualTo(NOW);
            assertThat(e.student()).isEqualTo(student());
            assertThat(e.course()).isEqualTo(numericCourse());
        });
        assertThat(enrolment.releaseEvents()).isEmpty();
    }

    @Test
    void a_school_cannot_request_an_enrolment_at_itself() {
        assertThatThrownBy(() -> Enrolment.request(EnrolmentId.random(), HOME, HOME, student(), numericCourse(), NOW))
                .isInstanceOf(InvalidValue.class)
                .extracting("field")
                .isEqualTo("hostSchool");
    }

    @Test
    void the_home_school_withdraws_a_requested_or_accepted_enrolment() {
        for (Enrolment enrolment : new Enrolment[] {requestedOutgoingEnrolment(), acceptedOutgoingEnrolment()}) {
            enrolment.withdraw("moved to another programme", NOW);

            assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.WITHDRAWN);
            assertThat(enrolment.withdrawalReason()).isEqualTo("moved to another programme");
            assertThat(enrolment.releaseEvents())
                    .singleElement()
                    .isInstanceOfSatisfying(
                            RegistrationWithdrawn.class,
                            e -> assertThat(e.recipient()).isEqualTo(HOST));
        }
    }

    @Test
    void a_withdrawn_rejected_or_completed_enrolment_cannot_be_withdrawn() {
        Enrolment withdrawn = requestedOutgoingEnrolment();
        withdrawn.withdraw(null, NOW);
        Enrolment rejected = requestedOutgoingEnrolment();
        rejected.receiveRejection(rejection(rejected.id()), NOW);
        Enrolment completed = acceptedOutgoingEnrolment();
        completed.receiveResult(resultFromHost(completed.id(), 1, 1, SEVEN_AND_A_HALF, true), NOW);

        for (Enrolment enrolment : new Enrolment[] {withdrawn, rejected, completed}) {
            enrolment.releaseEvents();
            assertRefusedWithoutChange(enrolment, () -> enrolment.withdraw(null, NOW), TransitionNotAllowed.class);
        }
    }

    @Test
    void the_home_school_does_not_decide_on_its_own_request_nor_record_results() {
        Enrolment enrolment = requestedOutgoingEnrolment();

        assertRefusedWithoutChange(enrolment, () -> enrolment.accept(null, NOW), TransitionNotAllowed.class);
        assertRefusedWithoutChange(
                enrolment, () -> enrolment.reject(RejectionReason.OTHER, "no", NOW), TransitionNotAllowed.class);
        Enrolment accepted = acceptedOutgoingEnrolment();
        assertRefusedWithoutChange(
                accepted,
                () -> accepted.recordResult(1, SEVEN_AND_A_HALF, true, EnrolmentFixture.ASSESSED_ON, NOW),
                TransitionNotAllowed.class);
    }

    @Test
    void an_acceptance_from_the_host_moves_the_enrolment_to_accepted() {
        Enrolment enrolment = requestedOutgoingEnrolment();

        enrolment.receiveAcceptance(new RegistrationAccepted(fromHost(enrolment.id()), "room 2.14"), NOW);

        assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.ACCEPTED);
        assertThat(enrolment.acceptanceNote()).isEqualTo("room 2.14");
        assertThat(enrolment.releaseEvents()).isEmpty();
    }

    @Test
    void a_rejection_from_the_host_is_final() {
        Enrolment enrolment = requestedOutgoingEnrolment();

        enrolment.receiveRejection(rejection(enrolment.id()), NOW);

        assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.REJECTED);
        assertThat(enrolment.rejection().reasonCode()).isEqualTo(RejectionReason.COURSE_FULL);
        assertRefusedWithoutChange(
                enrolment,
                () -> enrolment.receiveAcceptance(new RegistrationAccepted(fromHost(enrolment.id()), null), NOW),
                TransitionNotAllowed.class);
    }

    @Test
    void an_acceptance_after_a_withdrawal_is_refused() {
        Enrolment enrolment = requestedOutgoingEnrolment();
        enrolment.withdraw(null, NOW);
        enrolment.releaseEvents();

        assertRefusedWithoutChange(
                enrolment,
                () -> enrolment.receiveAcceptance(new RegistrationAccepted(fromHost(enrolment.id()), null), NOW),
                TransitionNotAllowed.class);
    }

    @Test
    void an_event_from_a_school_other_than_the_host_is_refused() {
        Enrolment enrolment = requestedOutgoingEnrolment();
        EventHeader forged = EventHeader.next(enrolment.id(), STRANGER, HOME, NOW);
        EventHeader astray = EventHeader.next(enrolment.id(), HOST, STRANGER, NOW);

        assertRefusedWithoutChange(
                enrolment,
                () -> enrolment.receiveAcceptance(new RegistrationAccepted(forged, null), NOW),
                UnexpectedSchool.class);
        assertRefusedWithoutChange(
                enrolment,
                () -> enrolment.receiveAcceptance(new RegistrationAccepted(astray, null), NOW),
                UnexpectedSchool.class);
    }

    @Test
    void a_provisional_result_is_kept_and_acknowledged() {
        Enrolment enrolment = acceptedOutgoingEnrolment();
        CourseResultRecorded result = resultFromHost(enrolment.id(), 1, 1, SEVEN_AND_A_HALF, false);

        enrolment.receiveResult(result, NOW);

        assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.ACCEPTED);
        Assessment kept = (Assessment) enrolment.attempts().get(0).latest();
        assertThat(kept.grade()).isEqualTo(SEVEN_AND_A_HALF);
        assertThat(kept.eventId()).isEqualTo(result.eventId());
        ResultAcknowledged receipt =
                (ResultAcknowledged) enrolment.releaseEvents().get(0);
        assertThat(receipt.acknowledgedEventId()).isEqualTo(result.eventId());
        assertThat(receipt.attempt()).isEqualTo(1);
        assertThat(receipt.version()).isEqualTo(1);
        assertThat(receipt.recipient()).isEqualTo(HOST);
        assertThat(kept.receipt().eventId()).isEqualTo(receipt.eventId());
    }

    @Test
    void a_final_result_completes_the_enrolment_when_the_home_school_acknowledges_it() {
        Enrolment enrolment = acceptedOutgoingEnrolment();

        enrolment.receiveResult(resultFromHost(enrolment.id(), 1, 1, SEVEN_AND_A_HALF, true), NOW);

        assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.COMPLETED);
        assertThat(enrolment.releaseEvents()).singleElement().isInstanceOf(ResultAcknowledged.class);
    }

    @Test
    void every_version_is_kept_and_the_latest_counts() {
        Enrolment enrolment = acceptedOutgoingEnrolment();
        enrolment.receiveResult(resultFromHost(enrolment.id(), 1, 1, NumericGrade.of("5.0"), false), NOW);
        enrolment.receiveResult(resultFromHost(enrolment.id(), 1, 2, NumericGrade.of("5.5"), true), NOW);

        assertThat(enrolment.attempts().get(0).versions()).hasSize(2);
        assertThat(((Assessment) enrolment.attempts().get(0).latest()).grade()).isEqualTo(NumericGrade.of("5.5"));
        assertThat(enrolment.releaseEvents()).hasSize(2).allMatch(ResultAcknowledged.class::isInstance);
        assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.COMPLETED);
    }

    @Test
    void a_correction_after_completion_is_kept_and_the_enrolment_stays_completed() {
        Enrolment enrolment = acceptedOutgoingEnrolment();
        enrolment.receiveResult(resultFromHost(enrolment.id(), 1, 1, SEVEN_AND_A_HALF, true), NOW);

        enrolment.receiveResult(resultFromHost(enrolment.id(), 1, 2, NumericGrade.of("8.0"), true), NOW);

        assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.COMPLETED);
        assertThat(enrolment.attempts().get(0).latestVersion()).isEqualTo(2);
    }

    @Test
    void a_stale_or_out_of_order_version_is_refused() {
        Enrolment enrolment = acceptedOutgoingEnrolment();
        enrolment.receiveResult(resultFromHost(enrolment.id(), 1, 1, SEVEN_AND_A_HALF, false), NOW);
        enrolment.releaseEvents();

        assertRefusedWithoutChange(
                enrolment,
                () -> enrolment.receiveResult(resultFromHost(enrolment.id(), 1, 1, SEVEN_AND_A_HALF, false), NOW),
                StaleResultVersion.class);
        assertRefusedWithoutChange(
                enrolment,
                () -> enrolment.receiveResult(resultFromHost(enrolment.id(), 1, 3, SEVEN_AND_A_HALF, false), NOW),
                StaleResultVersion.class);
        assertRefusedWithoutChange(
                enrolment,
                () -> enrolment.receiveResult(resultFromHost(enrolment.id(), 2, 2, SEVEN_AND_A_HALF, false), NOW),
                AttemptNotFound.class);
        assertRefusedWithoutChange(
                enrolment,
                () -> enrolment.receiveResult(resultFromHost(enrolment.id(), 3, 1, SEVEN_AND_A_HALF, false), NOW),
                AttemptOutOfSequence.class);
    }

    @Test
    void a_grade_off_the_course_scale_is_refused() {
        Enrolment enrolment = acceptedOutgoingEnrolment();

        assertRefusedWithoutChange(
                enrolment,
                () -> enrolment.receiveResult(resultFromHost(enrolment.id(), 1, 1, PassFailGrade.PASSED, true), NOW),
                InvalidGrade.class);
    }

    @Test
    void a_result_for_an_enrolment_that_was_not_accepted_is_refused() {
        Enrolment requested = requestedOutgoingEnrolment();
        Enrolment rejected = requestedOutgoingEnrolment();
        rejected.receiveRejection(rejection(rejected.id()), NOW);

        for (Enrolment enrolment : new Enrolment[] {requested, rejected}) {
            assertRefusedWithoutChange(
                    enrolment,
                    () -> enrolment.receiveResult(resultFromHost(enrolment.id(), 1, 1, SEVEN_AND_A_HALF, true), NOW),
                    TransitionNotAllowed.class);
        }
    }

    @Test
    void a_revocation_is_kept_as_the_next_version_and_acknowledged() {
        Enrolment enrolment = acceptedOutgoingEnrolment();
        enrolment.receiveResult(resultFromHost(enrolment.id(), 1, 1, SEVEN_AND_A_HALF, false), NOW);
        enrolment.releaseEvents();
        CourseResultRevoked revoked = new CourseResultRevoked(fromHost(enrolment.id()), 1, 2, "wrong student");

        enrolment.receiveRevocation(revoked, NOW);

        assertThat(enrolment.attempts().get(0).latest()).isInstanceOf(Revocation.class);
        assertThat(enrolment.attempts().get(0).versions()).hasSize(2);
        assertThat(enrolment.attempts().get(0).isRevoked()).isTrue();
        assertThat(enrolment.releaseEvents())
                .singleElement()
                .isInstanceOfSatisfying(
                        ResultAcknowledged.class,
                        r -> assertThat(r.acknowledgedEventId()).isEqualTo(revoked.eventId()));
    }

    private static RegistrationRejected rejection(EnrolmentId id) {
        return new RegistrationRejected(fromHost(id), new Rejection(RejectionReason.COURSE_FULL, "no seats left"));
    }
}
