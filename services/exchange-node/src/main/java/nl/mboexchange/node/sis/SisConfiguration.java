package nl.mboexchange.node.sis;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.mboexchange.node.deadletter.DeadLetters;
import nl.mboexchange.node.enrolment.application.EnrolmentService;
import nl.mboexchange.node.intake.DatabaseProbe;
import nl.mboexchange.node.intake.IntakeConfiguration;
import nl.mboexchange.node.intake.IntakeMonitor;
import nl.mboexchange.node.intake.IntakeProperties;
import nl.mboexchange.node.intake.MonitoredListener;
import nl.mboexchange.node.kafka.AvroCodec;
import nl.mboexchange.node.kafka.ChannelAdmin;
import nl.mboexchange.node.kafka.ExchangeTopics;
import nl.mboexchange.node.kafka.MessagingProperties;
import nl.mboexchange.node.outbox.OutboxRepository;
import nl.mboexchange.node.school.SchoolCode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SIS integration: the consumer of this school's commands topic, and the feed that writes an update on the events
 * topic for every change. Needs Kafka ({@code mbo.kafka.enabled}) and is switched off with {@code mbo.sis.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "mbo.kafka.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "mbo.sis.enabled", matchIfMissing = true)
class SisConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SisConfiguration.class);

    @Bean
    SisUpdates sisUpdates(ExchangeTopics topics, SchoolCode self, Clock clock) {
        return new SisUpdates(topics, self, clock);
    }

    /** The SIS's updates on everything else that happens to the school's enrolments, after the timeline. */
    @Bean
    @Order(2)
    SisFeed sisFeed(OutboxRepository outbox, SisUpdates updates) {
        return new SisFeed(outbox, updates);
    }

    @Bean
    SisCommandStore sisCommandStore(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        return new SisCommandStore(jdbc, json, clock);
    }

    @Bean
    SisCommandHandler sisCommandHandler(
            EnrolmentService enrolments,
            SisCommandStore commandIds,
            OutboxRepository outbox,
            SisUpdates updates,
            PlatformTransactionManager transactions,
            MeterRegistry meters,
            Clock clock) {
        return new SisCommandHandler(
                enrolments, commandIds, outbox, new SisCommands(clock), updates, transactions, meters);
    }

    @Bean
    SisCommandListener sisCommandListener(
            AvroCodec codec, SisCommandHandler handler, DeadLetters deadLetters, DatabaseProbe database) {
        return new SisCommandListener(codec, handler, deadLetters, database);
    }

    @Bean
    IntakeMonitor sisIntakeMonitor(MeterRegistry meters, Clock clock, IntakeProperties intake) {
        return new IntakeMonitor("sis-commands", meters, clock, intake);
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> sisCommandListenerContainer(
            KafkaProperties kafka,
            ExchangeTopics topics,
            SchoolCode self,
            ChannelAdmin channelAdmin,
            SisCommandListener sisCommandListener,
            IntakeMonitor sisIntakeMonitor,
            IntakeProperties intake,
            MessagingProperties messaging,
            SisProperties sis,
            MeterRegistry meters) {
        createSchoolTopics(channelAdmin, topics, self, sis);
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "exchange-node-" + self.value() + "-sis");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "exchange-node-" + self.value() + "-sis");
        // Commands sent while the node was down, or before it first started, are carried out when it comes up.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        var factory = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        factory.addListener(new MicrometerConsumerListener<>(meters));

        var container = new ContainerProperties(topics.commands(self));
        container.setAckMode(ContainerProperties.AckMode.BATCH);
        container.setMessageListener(new MonitoredListener<>(sisCommandListener, sisIntakeMonitor));
        // Each consumer thread takes its own partitions: the commands of one enrolment, keyed by its id, are carried
        // out in the order the SIS sent them.
        var listener = new ConcurrentMessageListenerContainer<>(factory, container);
        listener.setConcurrency(messaging.listenerConcurrency());
        listener.setBeanName("sis-command-listener");
        // Bad commands are rejected or dead-lettered by the listener itself; what reaches the error handler is the
        // registry or the database being away, which is waited out rather than skipped: no command is lost.
        listener.setCommonErrorHandler(IntakeConfiguration.retryingErrorHandler(intake));
        return listener;
    }

    /**
     * The school's own topics exist before its SIS and its node use them, where the node may create topics; the events
     * topic keeps its updates as long as the contract promises a SIS ({@link SisProperties#eventsRetention()}).
     */
    private static void createSchoolTopics(
            ChannelAdmin channelAdmin, ExchangeTopics topics, SchoolCode self, SisProperties sis) {
        Map<String, Map<String, String>> configs = new LinkedHashMap<>();
        configs.put(topics.commands(self), Map.of());
        configs.put(
                topics.events(self),
                Map.of(
                        TopicConfig.RETENTION_MS_CONFIG,
                        Long.toString(sis.eventsRetention().toMillis())));
        configs.put(topics.deadLetters(self), Map.of());
        configs.forEach((topic, config) -> {
            try {
                channelAdmin.ensure(topic, config);
            } catch (RuntimeException e) {
                log.warn(
                        "Could not make sure topic {} exists ({}); it is created when first written",
                        topic,
                        e.getMessage());
            }
        });
    }
}
