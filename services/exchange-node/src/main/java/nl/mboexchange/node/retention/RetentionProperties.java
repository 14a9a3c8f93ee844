package nl.mboexchange.node.retention;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the node keeps what it stores ({@code mbo.retention.*}, e.g. {@code MBO_RETENTION_CONTACT_DATA_AFTER}).
 * The README's "Personal data" section gives the reasoning behind each default.
 *
 * @param enabled whether the retention job runs at all
 * @param interval how often it runs; the first run is one interval after the start
 * @param contactDataAfter how long after a closed enrolment (completed, rejected, withdrawn) last changed its
 *     student's e-mail address is removed
 * @param personalDataAfter how long after it last changed the student's name and date of birth are removed as well;
 *     the exchange id (a pseudonym) and the results stay
 * @param processedEventIdsAfter how long the id of a received event is kept to recognise it if delivered again;
 *     longer than the channels keep their records
 * @param idempotentResponsesAfter how long the answer to a command (REST with an Idempotency-Key, or SIS) is kept
 *     to repeat it for a retry
 * @param deadLettersAfter how long a dead letter, and an outbox message held as unsendable, is kept for an operator
 * @param channelTopicRetention how long an exchange channel this node creates keeps its records
 * @param deadLetterTopicRetention how long a dead-letter topic this node creates keeps its records
 * @param commandsTopicRetention how long a school's SIS commands topic this node creates keeps its records
 * @param kafkaCopiesExpireAfter how long after it was sent a record on an exchange channel has surely expired: the
 *     channel's retention (28 days) plus the time Kafka may go on writing the log segment that holds it before it
 *     rolls it ({@code segment.ms}, 7 days by default), as Kafka deletes a segment only once its newest record is past
 *     the retention; the disclosure report states this date
 */
@Validated
@ConfigurationProperties("mbo.retention")
public record RetentionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1h") @NotNull Duration interval,
        @DefaultValue("P30D") @NotNull Duration contactDataAfter,
        @DefaultValue("P365D") @NotNull Duration personalDataAfter,
        @DefaultValue("P35D") @NotNull Duration processedEventIdsAfter,
        @DefaultValue("P30D") @NotNull Duration idempotentResponsesAfter,
        @DefaultValue("P30D") @NotNull Duration deadLettersAfter,
        @DefaultValue("P28D") @NotNull Duration channelTopicRetention,
        @DefaultValue("P30D") @NotNull Duration deadLetterTopicRetention,
        @DefaultValue("P28D") @NotNull Duration commandsTopicRetention,
        @DefaultValue("P35D") @NotNull Duration kafkaCopiesExpireAfter) {}
