package nl.mboexchange.serde;

import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.mboexchange.serde.subject.SubjectNameStrategy;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Avro values in the Confluent wire format, written by {@link KafkaAvroSerializer} or by Confluent's own
 * serializers. Drop-in for Confluent's {@code KafkaAvroDeserializer}: same configuration keys (see
 * {@link AvroSerdeConfig}).
 *
 * <p>The writer schema is fetched from the registry by the id in the record's header, once per id. With
 * {@code specific.avro.reader=false} (default) records come back as {@link org.apache.avro.generic.GenericRecord}
 * (with {@code use.latest.version=true}, resolved to the subject's latest version); strings at the top level as
 * {@code String}, a top-level {@code bytes} value as the raw {@code byte[]}. With {@code specific.avro.reader=true}
 * they come back as the generated class: the one named by {@code specific.avro.key.type} or
 * {@code specific.avro.value.type}, else the one whose full name matches the writer schema. That class's schema is
 * the reader schema, so a record written with an older or newer compatible schema is resolved into it. {@code null}
 * bytes (a tombstone) give {@code null}.
 *
 * <h2>Trusted classes</h2>
 *
 * Avro 1.12 instantiates only generated classes from trusted packages (AVRO-4189). When the specific reader is on,
 * {@link #configure} trusts, JVM-wide, the packages listed in {@code avro.trusted.packages} (default
 * {@code nl.mboexchange}) and the package of a class named in {@code specific.avro.*.type}. Classes from any other
 * package fail with {@link UntrustedClass}, unless trusted through Avro's system properties
 * {@code org.apache.avro.SERIALIZABLE_PACKAGES} / {@code SERIALIZABLE_CLASSES}. See {@link AvroClassTrust}.
 *
 * <h2>Failures</h2>
 *
 * Every failure is an {@link AvroSerdeException}: {@link UnknownMagicByte}, {@link TruncatedRecord},
 * {@link MalformedRecord} and {@link UnknownSchemaId} for bad records; {@link SpecificClassNotFound} and
 * {@link UntrustedClass} for a set-up that cannot read them, and {@link IncompatibleSchema} when the generated class
 * or latest version cannot read the writer schema; {@link RegistryUnavailable} when the registry cannot
 * be reached and {@link RegistryRequestFailed} when it refuses the client. The last two are
 * {@linkplain AvroSerdeException#isRetriable() retriable}: the record is fine, so it should not be dead-lettered.
 */
public class KafkaAvroDeserializer implements Deserializer<Object> {

    private SchemaRegistryClient registry;
    private boolean isKey;
    private boolean specificReader;
    private Class<?> specificType;
    private boolean useLatestVersion;
    private SubjectNameStrategy subjectNameStrategy;
    private GenericData genericData;
    private final Map<Integer, DatumReader<Object>> readersById = new ConcurrentHashMap<>();
    private final Map<ReaderKey, DatumReader<Object>> readersByIdAndLatest = new ConcurrentHashMap<>();

    /** For Kafka, which instantiates by class name and then calls {@link #configure}. */
    public KafkaAvroDeserializer() {}

    /**
     * @param registry a client to share, instead of one built from the configuration
     */
    public KafkaAvroDeserializer(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    /**
     * @param registry a client to share, instead of one built from the configuration
     * @param configs configuration, see {@link AvroSerdeConfig}; {@code schema.registry.url} may be left out
     * @param isKey whether this deserializes keys
     */
    public KafkaAvroDeserializer(SchemaRegistryClient registry, Map<String, ?> configs, boolean isKey) {
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
        this.specificReader = config.specificAvroReader();
        this.specificType =
                config.specificAvroType(isKey).map(this::loadSpecificType).orElse(null);
        this.useLatestVersion = config.useLatestVersion();
        this.subjectNameStrategy = config.subjectNameStrategy(isKey);
        this.genericData = AvroModels.generic(config.useLogicalTypeConverters());
        if (specificReader) {
            AvroClassTrust.trustPackages(config.trustedPackages());
            if (specificType != null) {
                AvroClassTrust.trustPackages(List.of(specificType.getPackageName()));
            }
        }
        readersById.clear();
        readersByIdAndLatest.clear();
    }

    @Override
    public Object deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (genericData == null) {
            throw new IllegalStateException("KafkaAvroDeserializer used before configure(...)");
        }
        int id = WireFormat.schemaId(bytes);
        Schema writer = registry.schemaById(id);
        if (writer.getType() == Schema.Type.BYTES) {
            // Confluent's serializer writes a top-level bytes value raw, without Avro's length prefix.
            return Arrays.copyOfRange(bytes, WireFormat.HEADER_SIZE, bytes.length);
        }
        DatumReader<Object> reader = readerFor(topic, id, writer);
        BinaryDecoder decoder = DecoderFactory.get()
                .binaryDecoder(bytes, WireFormat.HEADER_SIZE, bytes.length - WireFormat.HEADER_SIZE, null);
        Object value;
        try {
            value = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new MalformedRecord("bytes left over after a complete " + writer.getFullName() + " (schema id "
                        + id + "); the body is not what its header says");
            }
        } catch (EOFException e) {
            throw new TruncatedRecord(
                    "the Avro body ends before a complete " + writer.getFullName() + " (schema id " + id + ")", e);
        } catch (SecurityException e) {
            throw untrusted(e);
        } catch (AvroSerdeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new MalformedRecord(
                    "cannot decode the body as " + writer.getFullName() + " (schema id " + id + "): " + e, e);
        }
        return value instanceof Utf8 ? value.toString() : value;
    }

    private DatumReader<Object> readerFor(String topic, int id, Schema writer) {
        if (useLatestVersion && !specificReader) {
            Schema latest = registry.latestVersion(subjectNameStrategy.subjectName(topic, isKey, writer))
                    .schema();
            return readersByIdAndLatest.computeIfAbsent(new ReaderKey(id, latest), key -> {
                requireReadable(latest, writer, id);
                return new GenericDatumReader<>(writer, latest, genericData);
            });
        }
        return readersById.computeIfAbsent(id, key -> newReader(writer, id));
    }

    private DatumReader<Object> newReader(Schema writer, int id) {
        if (!specificReader || !isNamed(writer) && specificType == null) {
            return new GenericDatumReader<>(writer, writer, genericData);
        }
        Class<?> type = Optional.<Class<?>>ofNullable(specificType).orElseGet(() -> generatedClassOf(writer));
        SpecificData data = SpecificData.getForClass(type);
        Schema reader = data.getSchema(type);
        requireReadable(reader, writer, id);
        return new SpecificDatumReader<>(writer, reader, data);
    }

    // Without this check Avro fails half-way through a record, which would pass for a corrupt one.
    private static void requireReadable(Schema reader, Schema writer, int id) {
        SchemaCompatibility.SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new IncompatibleSchema("the reader schema " + reader.getFullName() + " cannot read the writer schema "
                    + writer.getFullName() + " with id " + id + ": " + compatibility.getDescription());
        }
    }

    private Class<?> generatedClassOf(Schema writer) {
        Class<?> type;
        try {
            type = SpecificData.get().getClass(writer);
        } catch (SecurityException e) {
            throw untrusted(e);
        }
        if (type == null) {
            throw new SpecificClassNotFound("specific.avro.reader is on, but there is no generated class "
                    + writer.getFullName() + " on the class path to read the writer schema into");
        }
        return type;
    }

    private Class<?> loadSpecificType(String className) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            Class<?> type = Class.forName(
                    className, false, loader != null ? loader : getClass().getClassLoader());
            if (!SpecificRecord.class.isAssignableFrom(type)) {
                throw new ConfigException("specific Avro type", className, "is not a generated Avro class");
            }
            return type;
        } catch (ClassNotFoundException e) {
            throw new ConfigException("specific Avro type", className, "no such class");
        }
    }

    private static boolean isNamed(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> true;
            default -> false;
        };
    }

    private static UntrustedClass untrusted(SecurityException e) {
        return new UntrustedClass(
                e.getMessage() + " Add its package to " + AvroSerdeConfig.AVRO_TRUSTED_PACKAGES_CONFIG + ".", e);
    }

    private record ReaderKey(int writerId, Schema reader) {}
}
