package nl.mboexchange.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.mboexchange.serde.subject.SubjectNameStrategy;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro values in the Confluent wire format, so Confluent's own deserializers can read them, and registers or
 * looks up their schemas in the registry. Drop-in for Confluent's {@code KafkaAvroSerializer}: same configuration
 * keys (see {@link AvroSerdeConfig}) and same bytes.
 *
 * <p>Accepts generated classes ({@link SpecificRecord}), {@link org.apache.avro.generic.GenericRecord} and any
 * other {@link GenericContainer} (enum symbols, fixed, arrays), and the primitives {@code null}, Boolean, Integer,
 * Long, Float, Double, CharSequence, {@code byte[]} and ByteBuffer. A {@code null} value stays {@code null}, so
 * tombstones pass through. As in Confluent's, a top-level {@code bytes} value is written raw, without Avro's length
 * prefix.
 *
 * <p>The schema id is found in one of three ways, in this order of precedence, as in Confluent's:
 *
 * <ol>
 *   <li>{@code auto.register.schemas=true} (default): registers the value's schema under its subject;
 *   <li>{@code use.latest.version=true}: writes with the subject's latest version. If that differs from the value's
 *       own schema, the value is first read through Avro schema resolution into the latest schema (fields the
 *       latest lacks are dropped, fields it adds take their defaults); with {@code latest.compatibility.strict}
 *       (default) a latest version that cannot read the value's schema is refused;
 *   <li>otherwise: looks the value's schema up under its subject and fails if it is not registered.
 * </ol>
 *
 * <p>Ids are cached per subject and schema, so the registry is called once per schema, not per record.
 */
public class KafkaAvroSerializer implements Serializer<Object> {

    private SchemaRegistryClient registry;
    private SubjectNameStrategy subjectNameStrategy;
    private boolean isKey;
    private boolean autoRegister;
    private boolean useLatestVersion;
    private boolean latestCompatibilityStrict;
    private GenericData genericData;
    private final Map<Object, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

    /** For Kafka, which instantiates by class name and then calls {@link #configure}. */
    public KafkaAvroSerializer() {}

    /**
     * @param registry a client to share, instead of one built from the configuration
     */
    public KafkaAvroSerializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    /**
     * @param registry a client to share, instead of one built from the configuration
     * @param configs configuration, see {@link AvroSerdeConfig}; {@code schema.registry.url} may be left out
     * @param isKey whether this serializes keys
     */
    public KafkaAvroSerializer(SchemaRegistryClient registry, Map<String, ?> configs, boolean isKey) {
        this.registry = registry;
        configure(configs, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        if (registry == null) {
            registry = new SchemaRegistryClient(config.registrySettings());
        }
        this.isKey = isKey;
        this.subjectNameStrategy = config.subjectNameStrategy(isKey);
        this.autoRegister = config.autoRegisterSchemas();
        this.useLatestVersion = config.useLatestVersion();
        this.latestCompatibilityStrict = config.latestCompatibilityStrict();
        this.genericData = AvroModels.generic(config.useLogicalTypeConverters());
        writers.clear();
    }

    @Override
    public byte[] serialize(String topic, Object value) {
        if (value == null) {
            return null;
        }
        if (subjectNameStrategy == null) {
            throw new IllegalStateException("KafkaAvroSerializer used before configure(...)");
        }
        Schema schema = schemaOf(value);
        String subject = subjectNameStrategy.subjectName(topic, isKey, schema);
        if (autoRegister) {
            return write(registry.register(subject, schema), schema, value);
        }
        if (useLatestVersion) {
            RegisteredSchema latest = registry.latestVersion(subject);
            if (latest.schema().equals(schema)) {
                return write(latest.id(), schema, value);
            }
            return write(latest.id(), latest.schema(), asLatest(value, schema, latest));
        }
        return write(registry.idOf(subject, schema), schema, value);
    }

    private static Schema schemaOf(Object value) {
        if (value instanceof GenericContainer container) {
            return container.getSchema();
        }
        if (value instanceof CharSequence) {
            return AvroModels.STRING;
        }
        if (value instanceof Integer) {
            return AvroModels.INT;
        }
        if (value instanceof Long) {
            return AvroModels.LONG;
        }
        if (value instanceof Boolean) {
            return AvroModels.BOOLEAN;
        }
        if (value instanceof Double) {
            return AvroModels.DOUBLE;
        }
        if (value instanceof Float) {
            return AvroModels.FLOAT;
        }
        if (value instanceof byte[] || value instanceof ByteBuffer) {
            return AvroModels.BYTES;
        }
        throw new UnsupportedValueType("cannot write a " + value.getClass().getName()
                + " as Avro: expected a generated class, a GenericRecord or another GenericContainer, or a primitive");
    }

    private Object asLatest(Object value, Schema schema, RegisteredSchema latest) {
        if (latestCompatibilityStrict) {
            SchemaCompatibility.SchemaPairCompatibility compatibility =
                    SchemaCompatibility.checkReaderWriterCompatibility(latest.schema(), schema);
            if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                throw new IncompatibleSchema("the latest version " + latest.version() + " (id " + latest.id()
                        + ") of subject " + latest.subject() + " cannot read " + schema.getFullName() + ": "
                        + compatibility.getDescription());
            }
        }
        byte[] own = encode(schema, value);
        try {
            return new GenericDatumReader<>(schema, latest.schema(), genericData)
                    .read(null, DecoderFactory.get().binaryDecoder(own, null));
        } catch (IOException | RuntimeException e) {
            throw new InvalidRecord(
                    "cannot convert " + schema.getFullName() + " to the latest version " + latest.version()
                            + " of subject " + latest.subject() + ": " + e.getMessage(),
                    e);
        }
    }

    private byte[] write(int id, Schema schema, Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        out.writeBytes(WireFormat.header(id));
        if (schema.getType() == Schema.Type.BYTES) {
            // Confluent's serializer writes a top-level bytes value raw, and its deserializer expects that.
            out.writeBytes(rawBytes(value));
        } else {
            encodeInto(out, schema, value);
        }
        return out.toByteArray();
    }

    private byte[] encode(Schema schema, Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        encodeInto(out, schema, value);
        return out.toByteArray();
    }

    private void encodeInto(ByteArrayOutputStream out, Schema schema, Object value) {
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            writerFor(schema, value).write(value, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            // Avro reports a value that does not fit its schema as an NPE, a ClassCastException or an
            // AvroRuntimeException, naming the field.
            throw new InvalidRecord("cannot write " + schema.getFullName() + ": " + e.getMessage(), e);
        }
    }

    private DatumWriter<Object> writerFor(Schema schema, Object value) {
        if (value instanceof SpecificRecord) {
            return writers.computeIfAbsent(
                    value.getClass(),
                    type -> new SpecificDatumWriter<>(schema, SpecificData.getForClass(value.getClass())));
        }
        return writers.computeIfAbsent(schema, key -> new GenericDatumWriter<>(schema, genericData));
    }

    private static byte[] rawBytes(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
