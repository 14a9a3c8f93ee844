package nl.mboexchange.node.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import nl.mboexchange.node.intake.Faults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publisher's failures while the broker or the registry is away: counted in {@code mbo.outbox.retries}, logged
 * once at WARN when they start, then at most once per interval while they last, and once at INFO when they end.
 */
final class PublishFailures {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

    private final MeterRegistry meters;
    private final Clock clock;
    private final Duration logInterval;
    private Instant since;
    private Instant lastLogged;
    private int attempts;

    PublishFailures(MeterRegistry meters, Clock clock, Duration logInterval) {
        this.meters = meters;
        this.clock = clock;
        this.logInterval = logInterval;
    }

    void failed(RuntimeException failure, Duration backOff) {
        Instant now = clock.instant();
        boolean infrastructure = Faults.isInfrastructure(failure);
        meters.counter("mbo.outbox.retries", "cause", infrastructure ? "infrastructure" : "other")
                .increment();
        if (since == null) {
            since = now;
        }
        attempts++;
        if (lastLogged == null || !now.isBefore(lastLogged.plus(logInterval))) {
            lastLogged = now;
            log.warn(
                    "Publishing the outbox failed{}: {}; {} failed attempts since {}, next in {}",
                    infrastructure ? " (the broker or the registry is away)" : "",
                    Faults.describe(failure),
                    attempts,
                    since,
                    backOff);
            log.debug("Publishing the outbox failed", failure);
        }
    }

    void recovered() {
        if (since != null) {
            log.info("Publishing the outbox again, after {} failed attempts since {}", attempts, since);
            since = null;
            lastLogged = null;
            attempts = 0;
        }
    }
}
