package nl.mboexchange.node.outbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro records in Avro's own JSON encoding, so that the outbox keeps them readable in its json column. They are read
 * back as generic records of the generated class's schema: the publisher only needs to write them on, and a generic
 * reader does not depend on which packages Avro trusts to instantiate.
 */
final class AvroJson {

    // Writers and readers resolve their schema once, and can be shared between threads.
    private final Map<Class<?>, SpecificDatumWriter<SpecificRecord>> writers = new ConcurrentHashMap<>();
    private final Map<String, GenericDatumReader<GenericRecord>> readers = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    String write(SpecificRecord record) {
        SpecificDatumWriter<SpecificRecord> writer = writers.computeIfAbsent(
                record.getClass(), type -> new SpecificDatumWriter<>((Class<SpecificRecord>) type));
        try {
            var out = new ByteArrayOutputStream();
            JsonEncoder encoder = EncoderFactory.get().jsonEncoder(record.getSchema(), out);
            writer.write(record, encoder);
            encoder.flush();
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record of the named generated class, from what {@link #write} wrote. */
    GenericRecord read(String schemaName, String json) {
        GenericDatumReader<GenericRecord> reader =
                readers.computeIfAbsent(schemaName, name -> new GenericDatumReader<>(schemaOf(name)));
        try {
            return reader.read(null, DecoderFactory.get().jsonDecoder(reader.getSchema(), json));
        } catch (IOException e) {
            throw new UncheckedIOException("not a " + schemaName + " in Avro JSON: " + json, e);
        }
    }

    private static Schema schemaOf(String name) {
        try {
            Class<?> type = Class.forName(name, false, AvroJson.class.getClassLoader());
            if (!SpecificRecord.class.isAssignableFrom(type)) {
                throw new IllegalStateException(name + " is not a generated Avro record");
            }
            return SpecificData.get().getSchema(type);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no generated class for the outbox payload schema " + name, e);
        }
    }
}
