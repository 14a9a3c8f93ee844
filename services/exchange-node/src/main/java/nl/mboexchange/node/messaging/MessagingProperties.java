package nl.mboexchange.node.messaging;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Kafka messaging ({@code mbo.kafka.*}).
 *
 * @param topicPrefix put before every topic name, e.g. {@code mbo.} in {@code mbo.exchange.25LX.30GH}
 *     ({@code MBO_KAFKA_TOPIC_PREFIX})
 */
@Validated
@ConfigurationProperties("mbo.kafka")
public record MessagingProperties(
        @DefaultValue("mbo.") @NotNull @Pattern(regexp = "[A-Za-z0-9._-]*")
        String topicPrefix) {}
