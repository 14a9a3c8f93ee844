package nl.mboexchange.node.kafka;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Kafka messaging ({@code mbo.kafka.*}); the broker itself is {@code spring.kafka.bootstrap-servers}.
 *
 * @param topicPrefix put before every topic name, e.g. {@code mbo.} in {@code mbo.exchange.25LX.30GH}
 *     ({@code MBO_KAFKA_TOPIC_PREFIX})
 * @param enabled whether the node sends and receives at all ({@code MBO_KAFKA_ENABLED}); off only for tests of the
 *     node on its own
 * @param schemaRegistryUrl the Confluent Schema Registry API ({@code MBO_KAFKA_SCHEMA_REGISTRY_URL}), e.g.
 *     {@code http://registry:8081} or Apicurio's {@code http://127.0.0.1:8081/apis/ccompat/v7}
 * @param channelPartitions partitions of a channel this node creates ({@code MBO_KAFKA_CHANNEL_PARTITIONS})
 * @param replicationFactor replicas of a topic this node creates ({@code MBO_KAFKA_REPLICATION_FACTOR})
 * @param publishEnabled whether the outbox is sent at all ({@code MBO_KAFKA_PUBLISH_ENABLED}); off holds every event in
 *     the outbox, e.g. during maintenance of the cluster, and on again sends them in order
 * @param publishBatchSize outbox messages sent per round trip ({@code MBO_KAFKA_PUBLISH_BATCH_SIZE})
 * @param publishIdleInterval how often an idle publisher looks at the outbox without being woken
 *     ({@code MBO_KAFKA_PUBLISH_IDLE_INTERVAL})
 * @param publishRetryInitialInterval the first wait after publishing failed on the broker or the registry
 *     ({@code MBO_KAFKA_PUBLISH_RETRY_INITIAL_INTERVAL}); each next wait doubles
 * @param publishRetryMaxInterval the cap of that wait ({@code MBO_KAFKA_PUBLISH_RETRY_MAX_INTERVAL})
 * @param publishLogInterval while publishing fails, at most one WARN line this often
 *     ({@code MBO_KAFKA_PUBLISH_LOG_INTERVAL})
 * @param publishLeaseRetryInterval how often an instance of the node that does not publish tries to take over
 *     publishing, should the instance that does have stopped or died ({@code MBO_KAFKA_PUBLISH_LEASE_RETRY_INTERVAL});
 *     this bounds the fail-over time
 * @param maxMessageBytes the largest record value the publisher sends ({@code MBO_KAFKA_MAX_MESSAGE_BYTES}); a larger
 *     one is held rather than refused by the broker again and again. Keep it below the producer's {@code
 *     max.request.size} and the topics' {@code max.message.bytes} (about 1 MB by default)
 * @param channelDiscoveryInterval how soon a new channel to this school is noticed
 *     ({@code MBO_KAFKA_CHANNEL_DISCOVERY_INTERVAL})
 * @param listenerConcurrency consumer threads of the channels to this school, and of its SIS commands
 *     ({@code MBO_KAFKA_LISTENER_CONCURRENCY}); each takes its own partitions, so the events of one enrolment stay in
 *     order, and while one waits for the database another works. On two cores a second thread brought no more
 *     throughput and longer latency (services/benchmark); with cores to spare it lets a node use them
 * @param reconciliationInterval how often the node asks every partner school to send again what it misses
 *     ({@code MBO_KAFKA_RECONCILIATION_INTERVAL}); {@code 0s} only when an operator asks
 * @param valueSerializer the Avro serializer of every record the node sends ({@code MBO_KAFKA_VALUE_SERIALIZER}): the
 *     project's own by default, or Confluent's {@code io.confluent.kafka.serializers.KafkaAvroSerializer} when its jar
 *     is on the class path (docs/decisions/0001-own-confluent-format-serde.md)
 * @param valueDeserializer the Avro deserializer of every record the node receives ({@code
 *     MBO_KAFKA_VALUE_DESERIALIZER}), likewise
 * @param username the node's Kafka login ({@code MBO_KAFKA_USERNAME}), {@code node-<code>} as the operator's tool
 *     creates it; SASL SCRAM-SHA-512 (application.yml wires it into {@code spring.kafka.properties})
 * @param password its password ({@code MBO_KAFKA_PASSWORD}); required while Kafka is enabled
 * @param schemaRegistryUserInfo {@code user:password} for a registry behind HTTP Basic auth
 *     ({@code MBO_KAFKA_SCHEMA_REGISTRY_USER_INFO}); none by default
 * @param schemaRegistryAutoRegister whether the node registers the schemas it writes
 *     ({@code MBO_KAFKA_SCHEMA_REGISTRY_AUTO_REGISTER}); {@code false} by default: the operator registers them from
 *     {@code schemas/} ({@code network-admin register-schemas}) and the node only looks their ids up, so a record
 *     whose schema was not registered is held in the outbox rather than sent with a schema nobody agreed to
 */
@Validated
@ConfigurationProperties("mbo.kafka")
public record MessagingProperties(
        @DefaultValue("mbo.") @NotNull @Pattern(regexp = "[A-Za-z0-9._-]*")
        String topicPrefix,

        @DefaultValue("true") boolean enabled,

        @DefaultValue("http://127.0.0.1:8081/apis/ccompat/v7") @NotNull
        String schemaRegistryUrl,

        @DefaultValue("3") @Min(1) int channelPartitions,
        @DefaultValue("1") @Min(1) short replicationFactor,
        @DefaultValue("true") boolean publishEnabled,
        @DefaultValue("500") @Min(1) int publishBatchSize,
        @DefaultValue("500ms") @NotNull Duration publishIdleInterval,
        @DefaultValue("500ms") @NotNull Duration publishRetryInitialInterval,
        @DefaultValue("30s") @NotNull Duration publishRetryMaxInterval,
        @DefaultValue("1m") @NotNull Duration publishLogInterval,
        @DefaultValue("2s") @NotNull Duration publishLeaseRetryInterval,
        @DefaultValue("1000000") @Min(1) int maxMessageBytes,
        @DefaultValue("5s") @NotNull Duration channelDiscoveryInterval,
        @DefaultValue("1") @Min(1) int listenerConcurrency,
        @DefaultValue("1d") @NotNull Duration reconciliationInterval,

        @DefaultValue("nl.mboexchange.serde.KafkaAvroSerializer") @NotNull
        Class<?> valueSerializer,

        @DefaultValue("nl.mboexchange.serde.KafkaAvroDeserializer") @NotNull
        Class<?> valueDeserializer,

        String username,
        String password,
        String schemaRegistryUserInfo,
        @DefaultValue("false") boolean schemaRegistryAutoRegister) {

    public MessagingProperties {
        if (enabled && (password == null || password.isBlank())) {
            throw new IllegalArgumentException(
                    "the node logs in to Kafka: set MBO_KAFKA_PASSWORD (and MBO_KAFKA_USERNAME unless it is node-<code>)");
        }
    }

    @Override
    public String toString() {
        return "MessagingProperties[topicPrefix=" + topicPrefix + ", username=" + username + "]";
    }
}
