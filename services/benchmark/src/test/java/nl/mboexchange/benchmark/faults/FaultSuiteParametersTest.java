package nl.mboexchange.benchmark.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultSuiteParametersTest {

    @Test
    void by_default_ten_thousand_enrolments_go_through_every_fault_with_the_nodes_own_retry_cap() {
        FaultSuiteParameters parameters = FaultSuiteParameters.parse();

        assertThat(parameters.enrolments()).isEqualTo(10_000);
        assertThat(parameters.faults()).containsExactlyElementsOf(FaultCatalogue.names());
        assertThat(parameters.retryCap()).isNull();
        assertThat(parameters.effectiveRetryCap()).isEqualTo(Duration.ofSeconds(30));
        assertThat(parameters.outage()).isGreaterThan(parameters.effectiveRetryCap());
    }

    @Test
    void an_outage_outlasts_the_retry_cap_it_is_given() {
        FaultSuiteParameters parameters = FaultSuiteParameters.parse("n=200 retry-cap=2s");

        assertThat(parameters.outage()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void arguments_may_come_as_one_string_as_maven_passes_them() {
        FaultSuiteParameters parameters =
                FaultSuiteParameters.parse("n=300  faults=duplicates,node-killed outage=1500ms");

        assertThat(parameters.enrolments()).isEqualTo(300);
        assertThat(parameters.faults()).containsExactly("duplicates", "node-killed");
        assertThat(parameters.outage()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void an_unknown_fault_or_key_is_refused_with_what_is_known() {
        assertThatThrownBy(() -> FaultSuiteParameters.parse("faults=meteor"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broker-restart");
        assertThatThrownBy(() -> FaultSuiteParameters.parse("enrolments=5"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void every_fault_needs_at_least_one_enrolment() {
        assertThatThrownBy(() -> FaultSuiteParameters.parse("n=2 faults=duplicates,broker-restart,node-killed"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
