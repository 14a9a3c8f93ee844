package nl.mboexchange.node.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.mboexchange.node.retention.RetentionProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class TopicRetentionTest {

    private final ExchangeTopics topics = new ExchangeTopics("mbo.");
    private final RetentionProperties retention = new RetentionProperties(
            true,
            Duration.ofHours(1),
            Duration.ofDays(30),
            Duration.ofDays(365),
            Duration.ofDays(35),
            Duration.ofDays(30),
            Duration.ofDays(30),
            Duration.ofDays(21),
            Duration.ofDays(14),
            Duration.ofDays(7),
            Duration.ofDays(35));

    @Test
    void a_channel_keeps_its_records_as_long_as_channels_do() {
        assertThat(KafkaConfiguration.retentionOf("mbo.exchange.25LX.30GH", retention, topics))
                .isEqualTo(Duration.ofDays(21));
    }

    @Test
    void a_dead_letter_topic_keeps_its_records_as_long_as_dead_letters_do() {
        assertThat(KafkaConfiguration.retentionOf("mbo.school.25LX.deadletter", retention, topics))
                .isEqualTo(Duration.ofDays(14));
    }

    @Test
    void the_commands_topic_keeps_its_records_as_long_as_commands_do() {
        assertThat(KafkaConfiguration.retentionOf("mbo.school.25LX.commands", retention, topics))
                .isEqualTo(Duration.ofDays(7));
    }

    @Test
    void by_default_nothing_with_personal_data_outlives_the_contact_data_and_event_ids_outlive_the_channels() {
        RetentionProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("mbo.retention", RetentionProperties.class);

        assertThat(defaults.processedEventIdsAfter()).isGreaterThan(defaults.channelTopicRetention());
        assertThat(List.of(
                        defaults.channelTopicRetention(),
                        defaults.commandsTopicRetention(),
                        defaults.deadLetterTopicRetention(),
                        defaults.deadLettersAfter(),
                        defaults.idempotentResponsesAfter()))
                .allSatisfy(period -> assertThat(period).isLessThanOrEqualTo(defaults.contactDataAfter()));
        assertThat(defaults.contactDataAfter()).isLessThan(defaults.personalDataAfter());
    }
}
