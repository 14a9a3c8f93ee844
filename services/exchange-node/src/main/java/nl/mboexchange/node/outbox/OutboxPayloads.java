package nl.mboexchange.node.outbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * The outbox's payloads: each record in Avro's binary encoding of its generated class's schema, named beside it. It is
 * read back as a generic record of that schema: the publisher only writes it on, and a generic reader does not depend
 * on which packages Avro trusts to instantiate. Writers and readers resolve their schema once and are shared between
 * threads.
 */
public final class OutboxPayloads {

    private static final Map<Class<?>, SpecificDatumWriter<SpecificRecord>> WRITERS = new ConcurrentHashMap<>();
    private static final Map<String, GenericDatumReader<GenericRecord>> READERS = new ConcurrentHashMap<>();
    private static final ThreadLocal<BinaryEncoder> ENCODER = new ThreadLocal<>();

    private OutboxPayloads() {}

    /** The record in Avro's binary encoding. */
    @SuppressWarnings("unchecked")
    public static byte[] write(SpecificRecord record) {
        SpecificDatumWriter<SpecificRecord> writer = WRITERS.computeIfAbsent(
                record.getClass(), type -> new SpecificDatumWriter<>((Class<SpecificRecord>) type));
        var out = new ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, ENCODER.get());
        ENCODER.set(encoder);
        try {
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The record that {@link #write} wrote, as a generic record.
     *
     * @param schemaName the full name of the record's generated class, which the outbox keeps beside the bytes
     */
    public static GenericRecord read(String schemaName, byte[] avro) {
        GenericDatumReader<GenericRecord> reader =
                READERS.computeIfAbsent(schemaName, name -> new GenericDatumReader<>(schemaOf(name)));
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(avro, null));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("not a " + schemaName + " in Avro's binary encoding", e);
        }
    }

    public static Schema schemaOf(String name) {
        try {
            Class<?> type = Class.forName(name, false, OutboxPayloads.class.getClassLoader());
            if (!SpecificRecord.class.isAssignableFrom(type)) {
                throw new IllegalStateException(name + " is not a generated Avro record");
            }
            return SpecificData.get().getSchema(type);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no generated class for the outbox payload schema " + name, e);
        }
    }
}
