package nl.mboexchange.node.kafka;

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

    AvroCodec(String schemaRegistryUrl) {
        serializer.configure(
                Map.of(
                        AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG,
                        schemaRegistryUrl,
                        AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                        "io.confluent.kafka.serializers.subject.RecordNameStrategy"),
                false);
        deserializer.configure(
                Map.of(
                        AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG,
                        schemaRegistryUrl,
                        AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG,
                        true),
                false);
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
