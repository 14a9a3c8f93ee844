package nl.mboexchange.node.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import nl.mboexchange.node.deadletter.DeadLetters;
import nl.mboexchange.node.enrolment.application.IncomingEventService;
import nl.mboexchange.node.intake.DatabaseProbe;
import nl.mboexchange.node.intake.IntakeConfiguration;
import nl.mboexchange.node.intake.IntakeMonitor;
import nl.mboexchange.node.intake.IntakeProperties;
import nl.mboexchange.node.intake.MonitoredListener;
import nl.mboexchange.node.kafka.AvroCodec;
import nl.mboexchange.node.kafka.ExchangeTopics;
import nl.mboexchange.node.kafka.MessagingProperties;
import nl.mboexchange.node.outbox.OutboxRepository;
import nl.mboexchange.node.outbox.OutboxSignal;
import nl.mboexchange.node.school.SchoolCode;
import nl.mboexchange.node.school.SchoolNetwork;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The exchange's consumer: one batch consumer subscribed by pattern to every channel addressed to this school. Switched
 * off with {@code mbo.kafka.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "mbo.kafka.enabled", matchIfMissing = true)
class MessagingConfiguration {

    @Bean
    ExchangeListener exchangeListener(
            AvroCodec codec,
            ExchangeTopics topics,
            SchoolCode self,
            SchoolNetwork network,
            IncomingEventService incoming,
            DeadLetters deadLetters,
            DatabaseProbe database,
            TransactionTemplate transactions,
            ReceivedStreams streams,
            Clock clock,
            MeterRegistry meters,
            Reconciliation reconciliation) {
        return new ExchangeListener(
                codec,
                topics,
                self,
                network,
                incoming,
                deadLetters,
                database,
                transactions,
                streams,
                clock,
                meters,
                reconciliation);
    }

    @Bean
    Reconciliation reconciliation(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            OutboxRepository outbox,
            OutboxSignal signal,
            ReceivedStreams streams,
            ExchangeTopics topics,
            SchoolCode self,
            SchoolNetwork network,
            Clock clock,
            MeterRegistry meters) {
        return new Reconciliation(jdbc, transactions, outbox, signal, streams, topics, self, network, clock, meters);
    }

    /** Reconciles with every partner every {@code mbo.kafka.reconciliation-interval}; {@code 0s} never. */
    @Bean
    ReconciliationSchedule reconciliationSchedule(Reconciliation reconciliation, MessagingProperties properties) {
        return new ReconciliationSchedule(reconciliation, properties.reconciliationInterval());
    }

    @Bean
    IntakeMonitor exchangeIntakeMonitor(MeterRegistry meters, Clock clock, IntakeProperties intake) {
        return new IntakeMonitor("exchange", meters, clock, intake);
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> exchangeListenerContainer(
            KafkaProperties kafka,
            MessagingProperties properties,
            ExchangeTopics topics,
            SchoolCode self,
            ExchangeListener exchangeListener,
            IntakeMonitor exchangeIntakeMonitor,
            IntakeProperties intake,
            MeterRegistry meters) {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "exchange-node-" + self.value());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "exchange-node-" + self.value());
        // A channel appears when another school first writes to this one; read it from its first event.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int)
                properties.channelDiscoveryInterval().toMillis());
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        var factory = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        factory.addListener(new MicrometerConsumerListener<>(meters));

        var container = new ContainerProperties(topics.channelsTo(self));
        container.setAckMode(ContainerProperties.AckMode.BATCH);
        container.setMessageListener(new MonitoredListener<>(exchangeListener, exchangeIntakeMonitor));
        var listener = new ConcurrentMessageListenerContainer<>(factory, container);
        listener.setBeanName("exchange-listener");
        listener.setConcurrency(properties.listenerConcurrency());
        // Bad records are dead-lettered by the listener itself; what reaches the error handler is the registry or the
        // database being away, which is waited out rather than skipped: nothing is lost.
        listener.setCommonErrorHandler(IntakeConfiguration.retryingErrorHandler(intake));
        return listener;
    }
}
