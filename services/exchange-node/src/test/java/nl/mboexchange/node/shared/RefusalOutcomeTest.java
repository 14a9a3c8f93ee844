package nl.mboexchange.node.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import nl.mboexchange.node.deadletter.DeadLetters;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.EnrolmentNotFound;
import nl.mboexchange.node.result.StaleResultVersion;
import nl.mboexchange.sis.event.RejectionKind;
import org.junit.jupiter.api.Test;

class RefusalOutcomeTest {

    @Test
    void each_kind_of_refusal_has_its_own_outcome() {
        assertThat(RefusalOutcome.of(new InvalidValue("grade", "off the scale")))
                .isEqualTo(RefusalOutcome.INVALID);
        assertThat(RefusalOutcome.of(new EnrolmentNotFound(EnrolmentId.random())))
                .isEqualTo(RefusalOutcome.NOT_FOUND);
        assertThat(RefusalOutcome.of(StaleResultVersion.basedOn(1, 2, 1))).isEqualTo(RefusalOutcome.CONFLICT);
    }

    @Test
    void the_rest_api_answers_a_refusal_with_a_client_error() {
        assertThat(Arrays.stream(RefusalOutcome.values()).map(RefusalOutcome::httpStatus))
                .containsExactly(400, 404, 409);
    }

    @Test
    void every_outcome_names_a_rejection_kind_of_the_sis_contract_and_a_dead_letter_reason() {
        for (RefusalOutcome outcome : RefusalOutcome.values()) {
            assertThat(RejectionKind.valueOf(outcome.sisRejectionKind())).hasToString(outcome.name());
        }
        assertThat(DeadLetters.Reason.valueOf(RefusalOutcome.DEAD_LETTER_REASON))
                .isEqualTo(DeadLetters.Reason.REFUSED);
    }
}
