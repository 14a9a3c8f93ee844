package nl.mboexchange.node.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Asserts that the domain refuses a change and that the refusal leaves the enrolment exactly as it was. */
final class Refusals {

    private Refusals() {}

    static void assertRefusedWithoutChange(
            Enrolment enrolment, Runnable change, Class<? extends RuntimeException> refusal) {
        Enrolment.Snapshot before = enrolment.snapshot();

        assertThatThrownBy(change::run).isInstanceOf(refusal);

        assertThat(enrolment.snapshot()).isEqualTo(before);
        assertThat(enrolment.releaseEvents()).isEmpty();
    }
}
