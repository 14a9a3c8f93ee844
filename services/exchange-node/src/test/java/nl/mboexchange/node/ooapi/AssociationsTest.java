package nl.mboexchange.node.ooapi;

import static nl.mboexchange.node.enrolment.EnrolmentFixture.ASSESSED_ON;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.NOW;
import static nl.mboexchange.node.enrolment.EnrolmentFixture.acceptedIncomingEnrolment;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import nl.mboexchange.node.enrolment.Enrolment;
import nl.mboexchange.node.enrolment.EnrolmentFixture;
import nl.mboexchange.node.enrolment.EnrolmentStatus;
import nl.mboexchange.node.enrolment.application.OfferingKey;
import nl.mboexchange.node.result.Grade;
import nl.mboexchange.node.result.ResultScale;
import nl.mboexchange.node.school.SchoolCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mapping of an enrolment onto OOAPI, as the README's table gives it. */
class AssociationsTest {

    @ParameterizedTest
    @CsvSource({
        "REQUESTED, PENDING",
        "ACCEPTED, ASSOCIATED",
        "COMPLETED, ASSOCIATED",
        "REJECTED, DENIED",
        "WITHDRAWN, CANCELED"
    })
    void each_status_has_its_association_state(EnrolmentStatus status, AssociationState state) {
        assertThat(AssociationState.of(status)).isEqualTo(state);
    }

    @Test
    void an_enrolment_without_a_result_has_none() {
        assertThat(Associations.result(acceptedIncomingEnrolment())).isEmpty();
    }

    @Test
    void a_provisional_result_is_in_progress_and_a_final_one_completed() {
        Enrolment enrolment = acceptedIncomingEnrolment();
        enrolment.recordResult(1, Grade.parse("6.8"), false, ASSESSED_ON, NOW);

        ResultBody provisional = Associations.result(enrolment).orElseThrow();
        assertThat(provisional)
                .isEqualTo(new ResultBody(
                        ResultState.IN_PROGRESS,
                        PassState.PASSED,
                        null,
                        "6.8",
                        ASSESSED_ON,
                        ResultBody.StudyLoad.hours(240)));

        enrolment.correctResult(1, 1, Grade.parse("7.0"), true, ASSESSED_ON.plusDays(1), "portfolio added", NOW);
        ResultBody corrected = Associations.result(enrolment).orElseThrow();
        assertThat(corrected.state()).isEqualTo(ResultState.COMPLETED);
        assertThat(corrected.score()).isEqualTo("7.0");
        assertThat(corrected.comment()).isEqualTo("portfolio added");
        assertThat(corrected.resultDate()).isEqualTo(ASSESSED_ON.plusDays(1));
    }

    @ParameterizedTest
    @CsvSource({"5.4, FAILED", "5.5, PASSED", "1.0, FAILED", "10.0, PASSED"})
    void a_grade_of_5_5_or_more_is_a_pass(String grade, PassState pass) {
        Enrolment enrolment = acceptedIncomingEnrolment();
        enrolment.recordResult(1, Grade.parse(grade), true, ASSESSED_ON, NOW);

        assertThat(Associations.result(enrolment).orElseThrow().pass()).isEqualTo(pass);
    }

    @Test
    void a_pass_fail_result_is_scored_in_the_scales_own_words() {
        Enrolment enrolment = EnrolmentFixture.requestedIncomingEnrolment(ResultScale.PASS_FAIL);
        enrolment.accept(null, NOW);
        enrolment.recordResult(1, Grade.parse("PASSED"), true, ASSESSED_ON, NOW);

        ResultBody result = Associations.result(enrolment).orElseThrow();
        assertThat(result.score()).isEqualTo("pass");
        assertThat(result.pass()).isEqualTo(PassState.PASSED);
        assertThat(Associations.offering(enrolment).resultValueType()).isEqualTo("pass-or-fail");
    }

    @Test
    void a_revoked_attempt_has_no_result_and_the_attempt_before_it_stands_again() {
        Enrolment enrolment = acceptedIncomingEnrolment();
        enrolment.recordResult(1, Grade.parse("4.0"), false, ASSESSED_ON, NOW);
        enrolment.recordResult(2, Grade.parse("8.0"), false, ASSESSED_ON, NOW);
        enrolment.revokeResult(2, "wrong student", NOW);

        assertThat(Associations.result(enrolment).orElseThrow().score()).isEqualTo("4.0");

        enrolment.revokeResult(1, "wrong student", NOW);
        assertThat(Associations.result(enrolment)).isEmpty();
    }

    @Test
    void an_offerings_key_is_a_name_based_uuid_of_host_school_and_offering_id() {
        OfferingKey key = OfferingKey.of(SchoolCode.of("30GH"), "2026-P3-ONDERNEMEN");

        assertThat(key.value().version()).isEqualTo(3);
        assertThat(key.value()).isEqualTo(UUID.nameUUIDFromBytes("30GH/2026-P3-ONDERNEMEN".getBytes()));
        assertThat(OfferingKey.of(SchoolCode.of("41KM"), "2026-P3-ONDERNEMEN")).isNotEqualTo(key);
    }

    @Test
    void the_person_is_a_student_at_home_and_a_guest_at_the_host() {
        Enrolment outgoing = EnrolmentFixture.acceptedOutgoingEnrolment();
        Enrolment incoming = EnrolmentFixture.requestedIncomingEnrolment();

        assertThat(Associations.person(outgoing).affiliations()).containsExactly("student");
        assertThat(Associations.person(outgoing).activeEnrollment()).isTrue();
        assertThat(Associations.person(incoming).affiliations()).containsExactly("guest");
        assertThat(Associations.person(incoming).activeEnrollment()).isFalse();
        assertThat(Associations.person(incoming).personId())
                .isEqualTo(incoming.student().exchangeId());
    }
}
