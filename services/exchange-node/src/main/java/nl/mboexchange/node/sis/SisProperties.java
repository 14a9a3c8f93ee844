package nl.mboexchange.node.sis;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the SIS integration ({@code mbo.sis.*}); it runs only when Kafka does ({@code mbo.kafka.enabled}).
 *
 * @param enabled whether the node takes commands from its school's commands topic and publishes updates on its
 *     events topic ({@code MBO_SIS_ENABLED}); off for a school whose SIS is not integrated, which then spares the
 *     outbox a row per event
 * @param eventsRetention how long the events topic keeps an update, when the node creates the topic ({@code
 *     MBO_SIS_EVENTS_RETENTION}); four weeks by default: a SIS that was down for a holiday still finds every update it
 *     missed, while the student data in the updates does not linger on the broker much longer than that. A SIS that
 *     was away longer resynchronises from the REST API
 */
@Validated
@ConfigurationProperties("mbo.sis")
public record SisProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("P28D") @NotNull Duration eventsRetention) {}
