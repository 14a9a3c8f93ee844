package nl.mboexchange.node.kafka;

import java.util.HashMap;
import java.util.Map;
import nl.mboexchange.serde.AvroSerdeConfig;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Events to and from Confluent-wire-format bytes, subjects by record name (several event types share a channel).
 * Which serializer and deserializer is a setting ({@link MessagingProperties#valueSerializer()}); both are configured
 * with the keys Confluent's use. The node serialises itself, rather than in the producer, so that the same bytes can be
 * forwarded unchanged to the
 * dead-letter topic and a record that does not decode never reaches a Kafka deserializer loop.
 */
public class AvroCodec implements AutoCloseable {

    private final Serializer<Object> serializer;
    private final Deserializer<Object> deserializer;

    /**
     * @param schemaRegistryUrl the registry's Confluent-compatible API
     * @param userInfo {@code user:password} of the registry's HTTP Basic auth, or null without it
     * @param autoRegister whether the node registers the schemas it writes; where the operator registers them from
     *     {@code schemas/}, false: the node then only looks their ids up
     * @param serializer the class of the value serializer: the project's {@code nl.mboexchange.serde} one, or
     *     Confluent's, which reads the same configuration keys
     * @param deserializer the class of the value deserializer, likewise
     */
    @SuppressWarnings("unchecked")
    AvroCodec(
            String schemaRegistryUrl,
            String userInfo,
            boolean autoRegister,
            Class<?> serializer,
            Class<?> deserializer) {
        this.serializer = Utils.newInstance(serializer, Serializer.class);
        this.deserializer = Utils.newInstance(deserializer, Deserializer.class);
        Map<String, Object> registry = new HashMap<>();
        registry.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, schemaRegistryUrl);
        if (userInfo != null && !userInfo.isBlank()) {
            registry.put(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO");
            registry.put(AvroSerdeConfig.USER_INFO_CONFIG, userInfo);
        }
        Map<String, Object> writing = new HashMap<>(registry);
        writing.put(
                AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                "io.confluent.kafka.serializers.subject.RecordNameStrategy");
        writing.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, autoRegister);
        this.serializer.configure(writing, false);
        Map<String, Object> reading = new HashMap<>(registry);
        reading.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true);
        this.deserializer.configure(reading, false);
    }

    /** The record, an exchange event's or another contract's, as it is. */
    public byte[] encode(String topic, IndexedRecord record) {
        return serializer.serialize(topic, record);
    }

    /**
     * The decoded record.
     *
     * @throws nl.mboexchange.serde.AvroSerdeException when the bytes are not a record of a known schema, or the
     *     registry cannot be asked ({@link nl.mboexchange.serde.AvroSerdeException#isRetriable()})
     */
    public Object decode(String topic, Headers headers, byte[] value) {
        return deserializer.deserialize(topic, headers, value);
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
