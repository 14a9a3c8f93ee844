package nl.mboexchange.node.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** Publishes the outbox backlog as the gauge {@code mbo.outbox.backlog}: the messages waiting to be sent. */
@Component
class OutboxMetrics implements SmartInitializingSingleton {

    private final MeterRegistry meters;
    private final OutboxRepository outbox;

    OutboxMetrics(MeterRegistry meters, OutboxRepository outbox) {
        this.meters = meters;
        this.outbox = outbox;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Gauge.builder("mbo.outbox.backlog", outbox, OutboxRepository::countUnpublished)
                .description("Messages in the outbox waiting to be published")
                .baseUnit("messages")
                .register(meters);
        Gauge.builder("mbo.outbox.held", outbox, OutboxRepository::countHeld)
                .description("Messages held because they cannot be sent; each holds back the later ones of its"
                        + " enrolment until an operator sends it again or releases it")
                .baseUnit("messages")
                .register(meters);
    }
}
