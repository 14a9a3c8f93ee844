package nl.mboexchange.node.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Fault injection for the fault suite ({@code mbo.fault-injection.*}); off unless a test run switches it on, never in
 * a school's deployment.
 *
 * @param enabled whether {@link HaltAfterAcknowledgedSend} may be armed ({@code MBO_FAULT_INJECTION_ENABLED})
 */
@ConfigurationProperties("mbo.fault-injection")
public record FaultInjectionProperties(
        @DefaultValue("false") boolean enabled) {}
