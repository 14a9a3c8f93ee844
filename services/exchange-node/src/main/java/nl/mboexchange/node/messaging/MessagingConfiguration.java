package nl.mboexchange.node.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import nl.mboexchange.node.deadletter.DeadLetterStore;
import nl.mboexchange.node.enrolment.application.IncomingEventService;
import nl.mboexchange.node.intake.DatabaseProbe;
import nl.mboexchange.node.intake.IntakeConfiguration;
import nl.mboexchange.node.intake.IntakeMonitor;
import nl.mboexchange.node.intake.IntakeProperties;
import nl.mboexchange.node.intake.MonitoredListener;
import nl.mboexchange.node.outbox.OutboxRepository;
import nl.mboexchange.node.outbox.OutboxSignal;
import nl.mboexchange.node.school.SchoolCode;
import nl.mboexchange.node.school.SchoolNetwork;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The node on Kafka: one producer ({@code acks=all}, idempotent) for the outbox and the dead letters, and one
 * batch consumer subscribed by pattern to every channel addressed to this school. Switched off with
 * {@code mbo.kafka.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "mbo.kafka.enabled", matchIfMissing = true)
class MessagingConfiguration {

    @Bean(destroyMethod = "close")
    AvroCodec avroCodec(MessagingProperties properties) {
        return new AvroCodec(
                properties.schemaRegistryUrl(),
                properties.schemaRegistryUserInfo(),
                properties.schemaRegistryAutoRegister());
    }

    @Bean(destroyMethod = "close")
    ChannelAdmin channelAdmin(KafkaProperties kafka, MessagingProperties properties) {
        return new ChannelAdmin(
                Admin.create(kafka.buildAdminProperties()),
                properties.channelPartitions(),
                properties.replicationFactor());
    }

    @Bean(destroyMethod = "close")
    Producer<String, byte[]> exchangeProducer(KafkaProperties kafka, SchoolCode self) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "exchange-node-" + self.value());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 2);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @Bean
    DeadLetters deadLetters(
            Producer<String, byte[]> exchangeProducer,
            ExchangeTopics topics,
            SchoolCode self,
            ChannelAdmin channelAdmin,
            Clock clock,
            MeterRegistry meters,
            DeadLetterStore store) {
        return new DeadLetters(exchangeProducer, topics.deadLetters(self), channelAdmin, clock, meters, store);
    }

    @Bean
    HeldMessages heldMessages(OutboxRepository outbox, DeadLetters deadLetters, TransactionTemplate transactions) {
        return new HeldMessages(outbox, deadLetters, transactions);
    }

    @Bean
    ExchangeListener exchangeListener(
            AvroCodec codec,
            ExchangeTopics topics,
            SchoolCode self,
            SchoolNetwork network,
            IncomingEventService incoming,
            DeadLetters deadLetters,
            DatabaseProbe database) {
        return new ExchangeListener(codec, topics, self, network, incoming, deadLetters, database);
    }

    @Bean
    IntakeMonitor exchangeIntakeMonitor(MeterRegistry meters, Clock clock, IntakeProperties intake) {
        return new IntakeMonitor("exchange", meters, clock, intake);
    }

    @Bean
    OutboxPublisher outboxPublisher(
            OutboxRepository outbox,
            OutboxSignal signal,
            TransactionTemplate transactions,
            Producer<String, byte[]> exchangeProducer,
            AvroCodec codec,
            ChannelAdmin channelAdmin,
            MessagingProperties properties,
            MeterRegistry meters,
            Clock clock) {
        return new OutboxPublisher(
                outbox, signal, transactions, exchangeProducer, codec, channelAdmin, properties, meters, clock);
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

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(ChannelAdmin channelAdmin) {
        return new KafkaHealthIndicator(channelAdmin.admin());
    }
}
