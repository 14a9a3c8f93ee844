package nl.mboexchange.node.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import nl.mboexchange.node.kafka.ChannelAdmin;
import nl.mboexchange.node.kafka.ExchangeTopics;
import nl.mboexchange.node.outbox.OutboxRepository;
import nl.mboexchange.node.school.SchoolCode;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dead-lettering on Kafka, for every listener, and what an operator does with outbox messages that cannot be sent.
 * Switched off with {@code mbo.kafka.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "mbo.kafka.enabled", matchIfMissing = true)
class DeadLetterConfiguration {

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
}
