package nl.mboexchange.node.messaging;

import java.util.HashMap;
import java.util.Map;
import nl.mboexchange.serde.AvroSerdeConfig;
import nl.mboexchange.serde.KafkaAvroDeserializer;
import nl.mboexchange.serde.KafkaAvroSerializer;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Events to and from Confluent-wire-format bytes, subjects by record name (several event types share a channel).
 * The node serialises itself, rather than in the producer, so that the same bytes can be forwarded unchanged to the
 * dead-letter topic and a record that does not decode never reaches a Kafka deserializer loop.
 */
public class AvroCodec implements AutoCloseable {

    private final KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    private final KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();

    /**
     * @param schemaRegistryUrl the registry's Confluent-compatible API
     * @param userInfo {@code user:password} of the registry's HTTP Basic auth, or null without it
     * @param autoRegister whether the node registers the schemas it writes; where the operator registers them from
     *     {@code schemas/}, false: the node then only looks their ids up
     */
    AvroCodec(String schemaRegistryUrl, String userInfo, boolean autoRegister) {
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
        serializer.configure(writing, false);
        Map<String, Object> reading = new HashMap<>(registry);
        reading.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true);
        deserializer.configure(reading, false);
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
