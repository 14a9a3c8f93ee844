package nl.mboexchange.node.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import nl.mboexchange.node.outbox.OutboxRepository;
import nl.mboexchange.node.outbox.OutboxSignal;
import nl.mboexchange.node.retention.RetentionProperties;
import nl.mboexchange.node.school.SchoolCode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The node on Kafka, for every adapter that uses it: the Avro codec, topic administration, one producer ({@code
 * acks=all}, idempotent) for the outbox and the dead letters, and the outbox publisher. The producer has no {@code
 * transactional.id}: two instances of a node may run side by side, each with a producer id of its own from the broker,
 * and the {@link PublisherLease} rather than Kafka fences the one that does not publish. Switched off with {@code
 * mbo.kafka.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "mbo.kafka.enabled", matchIfMissing = true)
class KafkaConfiguration {

    @Bean(destroyMethod = "close")
    AvroCodec avroCodec(MessagingProperties properties) {
        return new AvroCodec(
                properties.schemaRegistryUrl(),
                properties.schemaRegistryUserInfo(),
                properties.schemaRegistryAutoRegister(),
                properties.valueSerializer(),
                properties.valueDeserializer());
    }

    @Bean(destroyMethod = "close")
    ChannelAdmin channelAdmin(
            KafkaProperties kafka,
            MessagingProperties properties,
            RetentionProperties retention,
            ExchangeTopics topics) {
        return new ChannelAdmin(
                Admin.create(kafka.buildAdminProperties()),
                properties.channelPartitions(),
                properties.replicationFactor(),
                topic -> Map.of(
                        TopicConfig.RETENTION_MS_CONFIG,
                        Long.toString(retentionOf(topic, retention, topics).toMillis())));
    }

    /**
     * How long a topic this node creates keeps its records, to match how long the node keeps the same data: a channel
     * and the commands topic as long as the node recognises an event or command delivered again, a dead-letter topic
     * as long as the node keeps its dead letters. (The SIS events topic has its own setting, which the SIS contract
     * promises.)
     */
    static Duration retentionOf(String topic, RetentionProperties retention, ExchangeTopics topics) {
        if (topics.parseChannel(topic).isPresent()) {
            return retention.channelTopicRetention();
        }
        if (topic.endsWith(".deadletter")) {
            return retention.deadLetterTopicRetention();
        }
        return retention.commandsTopicRetention();
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
    OutboxPublisher outboxPublisher(
            OutboxRepository outbox,
            OutboxSignal signal,
            TransactionTemplate transactions,
            Producer<String, byte[]> exchangeProducer,
            AvroCodec codec,
            ChannelAdmin channelAdmin,
            MessagingProperties properties,
            MeterRegistry meters,
            Clock clock,
            DataSourceProperties dataSource,
            HaltAfterAcknowledgedSend crashPoint) {
        // A session of its own, outside the pool: the lock lives as long as the session (see PublisherLease).
        DataSource sessions = dataSource
                .initializeDataSourceBuilder()
                .type(SimpleDriverDataSource.class)
                .build();
        return new OutboxPublisher(
                outbox,
                signal,
                transactions,
                exchangeProducer,
                codec,
                channelAdmin,
                properties,
                meters,
                clock,
                new PublisherLease(sessions, properties.publishLeaseRetryInterval()),
                crashPoint);
    }

    @Bean
    HaltAfterAcknowledgedSend haltAfterAcknowledgedSend(FaultInjectionProperties properties) {
        return new HaltAfterAcknowledgedSend(properties);
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(ChannelAdmin channelAdmin) {
        return new KafkaHealthIndicator(channelAdmin.admin());
    }
}
