package nl.mboexchange.node.membership;

import java.time.Duration;
import java.util.Map;
import nl.mboexchange.networkadmin.NetworkTopics;
import nl.mboexchange.node.kafka.MessagingProperties;
import nl.mboexchange.node.school.SchoolCode;
import nl.mboexchange.node.school.SchoolNetwork;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The members of the network from the members topic. A node without Kafka ({@code mbo.kafka.enabled=false}, only in
 * tests of the node on its own) exchanges nothing, so there every school counts as a member.
 */
@Configuration(proxyBeanMethods = false)
class MembershipConfiguration {

    @Bean
    @ConditionalOnBooleanProperty(name = "mbo.kafka.enabled", matchIfMissing = true)
    MembersTopic schoolNetwork(KafkaProperties kafka, MessagingProperties properties, SchoolCode self) {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "exchange-node-" + self.value() + "-members");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new MembersTopic(
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer()),
                new NetworkTopics(properties.topicPrefix()).members(),
                Duration.ofSeconds(10));
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "mbo.kafka.enabled", havingValue = false)
    SchoolNetwork everySchool() {
        return school -> true;
    }
}
