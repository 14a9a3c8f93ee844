package nl.mboexchange.node.enrolment;

import static nl.mboexchange.node.enrolment.EnrolmentFixture.ASSESSED_ON;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.HOME;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.HOST;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.NOW;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.SEVEN_AND_A_HALF;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.STRANGER;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.acceptedIncomingEnrolment;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.fromHome;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.incomingEnrolmentWithResult;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.registrationRequested;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.requestedIncomingEnrolment;
import static nl.mboexchange.node.enrolment.Refusals.assertRefusedWithoutChange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import nl.mboexchange.node.result.AlreadyAcknowledged;
import nl.mboexchange.node.result.Assessment;
import nl.mboexchange.node.result.AttemptNotFound;
import nl.mboexchange.node.result.AttemptOutOfSequence;
import nl.mboexchange.node.result.AttemptRevoked;
import nl.mboexchange.node.result.InvalidGrade;
import nl.mboexchange.node.result.NumericGrade;
import nl.mboexchange.node.result.PassFailGrade;
import nl.mboexchange.node.result.ReceiptDoesNotMatch;
import nl.mboexchange.node.result.ResultScale;
import nl.mboexchange.node.result.ResultVersion;
import nl.mboexchange.node.result.ResultVersionNotFound;
import nl.mboexchange.node.result.Revocation;
import nl.mboexchange.node.result.StaleResultVersion;
import nl.mboexchange.node.shared.InvalidValue;
import org.junit.jupiter.api.Test;

/** The enrolment as the host school sees it: it decides on the request and records the results. */
class HostSideEnrolmentTest {

    @Test
    void a_request_creates_an_incoming_enrolment_without_sending_anything() {
        RegistrationRequested request = registrationRequested(EnrolmentId.random(), ResultScale.NUMERIC_1_TO_10);

        Enrolment enrolment = Enrolment.receiveRequest(request, HOST, NOW);

        assertThat(enrolment.id()).isEqualTo(request.enrolmentId());
        assertThat(enrolment.role()).isEqualTo(EnrolmentRole.HOST);
        assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.REQUESTED);
        assertThat(enrolment.homeSchool()).isEqualTo(HOME);
        assertThat(enrolment.hostSchool()).isEqualTo(HOST);
        assertThat(enrolment.requestedAt()).isEqualTo(request.occurredAt());
        assertThat(enrolment.releaseEvents()).isEmpty();
    }

    @Test
    void a_request_addressed_to_another_school_is_refused() {
        RegistrationRequested request = registrationRequested(EnrolmentId.random(), ResultScale.NUMERIC_1_TO_10);

        assertThatThrownBy(() -> Enrolment.receiveRequest(request, STRANGER, NOW))
                .isInstanceOf(UnexpectedSchool.class)
                .extracting("field")
                .isEqualTo("recipientSchool");
    }

    @Test
    void accepting_tells_the_home_school() {
        Enrolment enrolment = requestedIncomingEnrolment();

        enrolment.accept("first lesson in room 2.14", NOW);

        assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.ACCEPTED);
        assertThat(enrolment.releaseEvents()).singleElement().isInstanceOfSatisfying(RegistrationAccepted.class, e -> {
            assertThat(e.sender()).isEqualTo(HOST);
            assertThat(e.recipient()).isEqualTo(HOME);
            assertThat(e.note()).isEqualTo("first lesson in room 2.14");
        });
    }

    @Test
    void rejecting_tells_the_home_school_why() {
        Enrolment enrolment = requestedIncomingEnrolment();

        enrolment.reject(RejectionReason.PREREQUISITES_NOT_MET, "needs K0040 first", NOW);

        assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.REJECTED);
        assertThat(enrolment.releaseEvents()).singleElement().isInstanceOfSatisfying(RegistrationRejected.class, e -> {
            assertThat(e.rejection().reasonCode()).isEqualTo(RejectionReason.PREREQUISITES_NOT_MET);
            assertThat(e.rejection().reasonText()).isEqualTo("needs K0040 first");
        });
    }

    @Test
    void a_rejection_needs_a_reason() {
        Enrolment enrolment = requestedIncomingEnrolment();

        assertRefusedWithoutChange(
                enrolment, () -> enrolment.reject(RejectionReason.OTHER, " ", NOW), InvalidValue.class);
        assertRefusedWithoutChange(enrolment, () -> enrolment.reject(null, "full", NOW), InvalidValue.class);
    }

    @Test
    void a_decision_is_taken_once() {
        Enrolment accepted = acceptedIncomingEnrolment();
        Enrolment rejected = requestedIncomingEnrolment();
        rejected.reject(RejectionReason.COURSE_FULL, "full", NOW);
        rejected.releaseEvents();

        for (Enrolment enrolment : new Enrolment[] {accepted, rejected}) {
            assertRefusedWithoutChange(enrolment, () -> enrolment.accept(null, NOW), TransitionNotAllowed.class);
            assertRefusedWithoutChange(
                    enrolment,
                    () -> enrolment.reject(RejectionReason.OTHER, "changed my mind", NOW),
                    TransitionNotAllowed.class);
        }
    }

    @Test
    void the_host_does_not_withdraw() {
        Enrolment enrolment = acceptedIncomingEnrolment();

        assertRefusedWithoutChange(enrolment, () -> enrolment.withdraw(null, NOW), TransitionNotAllowed.class);
    }

    @Test
    void a_withdrawal_from_the_home_school_ends_a_requested_or_accepted_enrolment() {
        for (Enrolment enrolment : new Enrolment[] {requestedIncomingEnrolment(), acceptedIncomingEnrolment()}) {
            enrolment.receiveWithdrawal(new RegistrationWithdrawn(fromHome(enrolment.id()), "ill"), NOW);

            assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.WITHDRAWN);
            assertThat(enrolment.withdrawalReason()).isEqualTo("ill");
        }
    }

    @Test
    void a_withdrawal_after_completion_is_refused() {
        Enrolment enrolment = completedIncomingEnrolment();

        assertRefusedWithoutChange(
                enrolment,
                () -> enrolment.receiveWithdrawal(new RegistrationWithdrawn(fromHome(enrolment.id()), null), NOW),
                TransitionNotAllowed.class);
    }

    @Test
    void recording_a_result_publishes_version_1_of_the_attempt() {
        Enrolment enrolment = acceptedIncomingEnrolment();

        enrolment.recordResult(1, SEVEN_AND_A_HALF, false, ASSESSED_ON, NOW);

        CourseResultRecorded recorded =
                (CourseResultRecorded) enrolment.releaseEvents().get(0);
        assertThat(recorded.attempt()).isEqualTo(1);
        assertThat(recorded.version()).isEqualTo(1);
        assertThat(recorded.grade()).isEqualTo(SEVEN_AND_A_HALF);
        assertThat(recorded.correctionReason()).isNull();
        assertThat(recorded.recipient()).isEqualTo(HOME);
        ResultVersion kept = enrolment.attempts().get(0).latest();
        assertThat(kept.eventId()).isEqualTo(recorded.eventId());
        assertThat(kept.isAcknowledged()).isFalse();
        assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.ACCEPTED);
    }

    @Test
    void a_result_needs_an_accepted_enrolment() {
        Enrolment requested = requestedIncomingEnrolment();
        Enrolment rejected = requestedIncomingEnrolment();
        rejected.reject(RejectionReason.COURSE_FULL, "full", NOW);
        rejected.releaseEvents();
        Enrolment withdrawn = acceptedIncomingEnrolment();
        withdrawn.receiveWithdrawal(new RegistrationWithdrawn(fromHome(withdrawn.id()), null), NOW);

        for (Enrolment enrolment : new Enrolment[] {requested, rejected, withdrawn, completedIncomingEnrolment()}) {
            assertRefusedWithoutChange(
                    enrolment,
                    () -> enrolment.recordResult(
                            enrolment.attempts().size() + 1, SEVEN_AND_A_HALF, true, ASSESSED_ON, NOW),
                    TransitionNotAllowed.class);
        }
    }

    @Test
    void attempts_are_numbered_without_gaps() {
        Enrolment enrolment = incomingEnrolmentWithResult(false);

        assertRefusedWithoutChange(
                enrolment,
                () -> enrolment.recordResult(1, SEVEN_AND_A_HALF, false, ASSESSED_ON, NOW),
                AttemptOutOfSequence.class);
        assertRefusedWithoutChange(
                enrolment,
                () -> enrolment.recordResult(3, SEVEN_AND_A_HALF, false, ASSESSED_ON, NOW),
                AttemptOutOfSequence.class);

        enrolment.recordResult(2, SEVEN_AND_A_HALF, false, ASSESSED_ON, NOW);
        assertThat(enrolment.attempts()).hasSize(2);
    }

    @Test
    void a_grade_must_be_on_the_course_scale() {
        Enrolment numeric = acceptedIncomingEnrolment();
        Enrolment passFail = requestedIncomingEnrolment(ResultScale.PASS_FAIL);
        passFail.accept(null, NOW);
        passFail.releaseEvents();

        assertRefusedWithoutChange(
                numeric,
                () -> numeric.recordResult(1, PassFailGrade.PASSED, true, ASSESSED_ON, NOW),
                InvalidGrade.class);
        assertRefusedWithoutChange(
                passFail,
                () -> passFail.recordResult(1, NumericGrade.of("6.0"), true, ASSESSED_ON, NOW),
                InvalidGrade.class);
        passFail.recordResult(1, PassFailGrade.PASSED, true, ASSESSED_ON, NOW);
    }

    @Test
    void a_correction_publishes_the_next_version_with_its_reason() {
        Enrolment enrolment = incomingEnrolmentWithResult(false);

        enrolment.correctResult(1, 1, NumericGrade.of("8.0"), true, ASSESSED_ON, "recounted", NOW);

        CourseResultRecorded corrected =
                (CourseResultRecorded) enrolment.releaseEvents().get(0);
        assertThat(corrected.version()).isEqualTo(2);
        assertThat(corrected.correctionReason()).isEqualTo("recounted");
        assertThat(corrected.finalResult()).isTrue();
        assertThat(enrolment.attempts().get(0).versions()).hasSize(2);
    }

    @Test
    void a_correction_based_on_an_outdated_version_is_refused_as_stale() {
        Enrolment enrolment = incomingEnrolmentWithResult(false);
        enrolment.correctResult(1, 1, NumericGrade.of("8.0"), false, ASSESSED_ON, "recounted", NOW);
        enrolment.releaseEvents();

        assertRefusedWithoutChange(
                enrolment,
                () -> enrolment.correctResult(1, 1, NumericGrade.of("9.0"), false, ASSESSED_ON, "again", NOW),
                StaleResultVersion.class);
    }

    @Test
    void a_correction_needs_a_reason_and_an_existing_attempt() {
        Enrolment enrolment = incomingEnrolmentWithResult(false);

        assertRefusedWithoutChange(
                enrolment,
                () -> enrolment.correctResult(1, 1, NumericGrade.of("8.0"), false, ASSESSED_ON, null, NOW),
                InvalidValue.class);
        assertRefusedWithoutChange(
                enrolment,
                () -> enrolment.correctResult(2, 1, NumericGrade.of("8.0"), false, ASSESSED_ON, "why", NOW),
                AttemptNotFound.class);
    }

    @Test
    void a_revocation_is_the_next_version_and_closes_the_attempt() {
        Enrolment enrolment = incomingEnrolmentWithResult(false);

        enrolment.revokeResult(1, "recorded for the wrong student", NOW);

        CourseResultRevoked revoked =
                (CourseResultRevoked) enrolment.releaseEvents().get(0);
        assertThat(revoked.version()).isEqualTo(2);
        assertThat(revoked.reason()).isEqualTo("recorded for the wrong student");
        assertThat(enrolment.attempts().get(0).latest()).isInstanceOf(Revocation.class);
        assertRefusedWithoutChange(
                enrolment,
                () -> enrolment.correctResult(1, 2, NumericGrade.of("8.0"), false, ASSESSED_ON, "after all", NOW),
                AttemptRevoked.class);
        assertRefusedWithoutChange(enrolment, () -> enrolment.revokeResult(1, "again", NOW), AttemptRevoked.class);
    }

    @Test
    void a_receipt_for_a_provisional_result_is_kept_and_the_enrolment_stays_accepted() {
        Enrolment enrolment = incomingEnrolmentWithResult(false);

        enrolment.receiveReceipt(receiptFor(enrolment, 1, 1), NOW);

        assertThat(enrolment.attempts().get(0).version(1).isAcknowledged()).isTrue();
        assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.ACCEPTED);
        assertThat(enrolment.releaseEvents()).isEmpty();
    }

    @Test
    void the_receipt_for_a_final_result_completes_the_enrolment() {
        Enrolment enrolment = incomingEnrolmentWithResult(true);
        ResultAcknowledged receipt = receiptFor(enrolment, 1, 1);

        enrolment.receiveReceipt(receipt, NOW);

        assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.COMPLETED);
        Assessment acknowledged = (Assessment) enrolment.attempts().get(0).latest();
        assertThat(acknowledged.receipt().eventId()).isEqualTo(receipt.eventId());
        assertThat(acknowledged.receipt().acknowledgedAt()).isEqualTo(receipt.occurredAt());
    }

    @Test
    void a_receipt_that_does_not_match_the_version_is_refused() {
        Enrolment enrolment = incomingEnrolmentWithResult(true);
        ResultAcknowledged wrongEvent = new ResultAcknowledged(fromHome(enrolment.id()), UUID.randomUUID(), 1, 1);
        ResultAcknowledged unknownVersion = receiptFor(enrolment, 1, 1);
        ResultAcknowledged forVersionTwo =
                new ResultAcknowledged(unknownVersion.header(), unknownVersion.acknowledgedEventId(), 1, 2);

        assertRefusedWithoutChange(
                enrolment, () -> enrolment.receiveReceipt(wrongEvent, NOW), ReceiptDoesNotMatch.class);
        assertRefusedWithoutChange(
                enrolment, () -> enrolment.receiveReceipt(forVersionTwo, NOW), ResultVersionNotFound.class);
    }

    @Test
    void a_version_is_acknowledged_once() {
        Enrolment enrolment = incomingEnrolmentWithResult(false);
        enrolment.receiveReceipt(receiptFor(enrolment, 1, 1), NOW);

        assertRefusedWithoutChange(
                enrolment, () -> enrolment.receiveReceipt(receiptFor(enrolment, 1, 1), NOW), AlreadyAcknowledged.class);
    }

    @Test
    void a_receipt_from_a_stranger_is_refused() {
        Enrolment enrolment = incomingEnrolmentWithResult(true);
        ResultVersion version = enrolment.attempts().get(0).latest();
        ResultAcknowledged forged =
                new ResultAcknowledged(EventHeader.next(enrolment.id(), STRANGER, HOST, NOW), version.eventId(), 1, 1);

        assertRefusedWithoutChange(enrolment, () -> enrolment.receiveReceipt(forged, NOW), UnexpectedSchool.class);
    }

    @Test
    void corrections_and_revocations_go_on_after_completion() {
        Enrolment enrolment = completedIncomingEnrolment();

        enrolment.correctResult(1, 1, NumericGrade.of("8.0"), true, ASSESSED_ON, "recounted", NOW);
        enrolment.revokeResult(1, "wrong student", NOW);

        assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.COMPLETED);
        assertThat(enrolment.attempts().get(0).versions()).hasSize(3);
    }

    private static Enrolment completedIncomingEnrolment() {
        Enrolment enrolment = incomingEnrolmentWithResult(true);
        enrolment.receiveReceipt(receiptFor(enrolment, 1, 1), NOW);
        return enrolment;
    }

    private static ResultAcknowledged receiptFor(Enrolment enrolment, int attempt, int version) {
        UUID resultEvent =
                enrolment.attempts().get(attempt - 1).version(version).eventId();
        return new ResultAcknowledged(fromHome(enrolment.id()), resultEvent, attempt, version);
    }
}
