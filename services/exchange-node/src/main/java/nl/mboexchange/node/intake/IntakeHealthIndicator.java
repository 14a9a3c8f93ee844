package nl.mboexchange.node.intake;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The node is not ready while a listener holds records it has not taken in for longer than {@code
 * mbo.intake.stall-after}: the database or the registry is away, or something else keeps the channel from moving.
 * Part of the readiness group, so an orchestrator and a monitor see it.
 */
public final class IntakeHealthIndicator implements HealthIndicator {

    private final ObjectProvider<IntakeMonitor> monitors;

    public IntakeHealthIndicator(ObjectProvider<IntakeMonitor> monitors) {
        this.monitors = monitors;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        for (IntakeMonitor monitor : monitors.orderedStream().toList()) {
            if (monitor.isStalled()) {
                health.status(Status.OUT_OF_SERVICE);
            }
            health.withDetail(
                    monitor.listener(),
                    monitor.isStalled() ? "stalled, records waiting since " + monitor.waitingSince() : "moving");
        }
        return health.build();
    }
}
