package nl.mboexchange.node.outbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonDecoder;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro records in Avro's own JSON encoding: how the outbox kept records of other contracts than the exchange before it
 * kept every payload in Avro's binary encoding ({@link OutboxPayloads}, migration V9). Messages written then are read
 * back with this, as generic records of the generated class's schema, and sent as before.
 */
final class AvroJson {

    // Writers and readers resolve their schema once, and can be shared between threads. Avro's JSON encoder and
    // decoder build a grammar of their schema when made, which costs far more than the encoding itself; so each
    // thread keeps one per schema and points it at the next output or input.
    private final Map<Class<?>, SpecificDatumWriter<SpecificRecord>> writers = new ConcurrentHashMap<>();
    private final Map<String, GenericDatumReader<GenericRecord>> readers = new ConcurrentHashMap<>();
    private final ThreadLocal<Map<Schema, JsonEncoder>> encoders = ThreadLocal.withInitial(HashMap::new);
    private final ThreadLocal<Map<Schema, JsonDecoder>> decoders = ThreadLocal.withInitial(HashMap::new);

    @SuppressWarnings("unchecked")
    String write(SpecificRecord record) {
        SpecificDatumWriter<SpecificRecord> writer = writers.computeIfAbsent(
                record.getClass(), type -> new SpecificDatumWriter<>((Class<SpecificRecord>) type));
        try {
            var out = new ByteArrayOutputStream(512);
            JsonEncoder encoder = encoder(record.getSchema()).configure(out);
            try {
                writer.write(record, encoder);
                encoder.flush();
            } catch (IOException | RuntimeException e) {
                // Its grammar may be left half way through the record: the next write starts with a fresh one.
                encoders.get().remove(record.getSchema());
                throw e;
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record of the named generated class, from what {@link #write} wrote. */
    GenericRecord read(String schemaName, String json) {
        GenericDatumReader<GenericRecord> reader =
                readers.computeIfAbsent(schemaName, name -> new GenericDatumReader<>(schemaOf(name)));
        Schema schema = reader.getSchema();
        try {
            return reader.read(null, decoder(schema).configure(json));
        } catch (IOException e) {
            decoders.get().remove(schema);
            throw new UncheckedIOException("not a " + schemaName + " in Avro JSON: " + json, e);
        } catch (RuntimeException e) {
            decoders.get().remove(schema);
            throw e;
        }
    }

    private JsonEncoder encoder(Schema schema) throws IOException {
        Map<Schema, JsonEncoder> own = encoders.get();
        JsonEncoder encoder = own.get(schema);
        if (encoder == null) {
            encoder = EncoderFactory.get().jsonEncoder(schema, OutputStream.nullOutputStream());
            own.put(schema, encoder);
        }
        return encoder;
    }

    private JsonDecoder decoder(Schema schema) throws IOException {
        Map<Schema, JsonDecoder> own = decoders.get();
        JsonDecoder decoder = own.get(schema);
        if (decoder == null) {
            decoder = DecoderFactory.get().jsonDecoder(schema, "{}");
            own.put(schema, decoder);
        }
        return decoder;
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
