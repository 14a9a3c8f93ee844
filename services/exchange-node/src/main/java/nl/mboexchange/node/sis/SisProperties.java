package nl.mboexchange.node.sis;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the SIS integration ({@code mbo.sis.*}); it runs only when Kafka does ({@code mbo.kafka.enabled}).
 *
 * @param enabled whether the node takes commands from its school's commands topic and publishes updates on its
 *     events topic ({@code MBO_SIS_ENABLED}); off for a school whose SIS is not integrated, which then spares the
 *     outbox a row per event
 */
@Validated
@ConfigurationProperties("mbo.sis")
public record SisProperties(@DefaultValue("true") boolean enabled) {}
