package nl.mboexchange.node.kafka;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The crash point itself; that a node halted by it loses and doubles nothing is the fault suite's IT. */
class HaltAfterAcknowledgedSendTest {

    @Test
    void cannot_be_armed_unless_fault_injection_is_switched_on() {
        var crashPoint = new HaltAfterAcknowledgedSend(new FaultInjectionProperties(false));

        assertThatThrownBy(() -> crashPoint.arm(1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mbo.fault-injection.enabled");
    }

    @Test
    void unarmed_lets_every_acknowledged_batch_pass() {
        var crashPoint = new HaltAfterAcknowledgedSend(new FaultInjectionProperties(true));

        assertThatCode(() -> {
                    for (int batch = 0; batch < 1_000; batch++) {
                        crashPoint.acknowledged(500);
                    }
                })
                .doesNotThrowAnyException();
    }

    @Test
    void refuses_to_be_armed_for_no_batch() {
        var crashPoint = new HaltAfterAcknowledgedSend(new FaultInjectionProperties(true));

        assertThatThrownBy(() -> crashPoint.arm(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
