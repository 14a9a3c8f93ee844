package nl.mboexchange.node.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;

/**
 * Reads records kept in Avro's own JSON encoding: how the outbox kept records of other contracts than the exchange
 * before it kept every payload in Avro's binary encoding ({@link OutboxPayloads}, migration V9). Messages written then
 * are read back as generic records of the generated class's schema, and sent as before.
 */
final class AvroJson {

    // Readers resolve their schema once, and can be shared between threads.
    private final Map<String, GenericDatumReader<GenericRecord>> readers = new ConcurrentHashMap<>();

    /** The record of the named generated class, from its Avro JSON. */
    GenericRecord read(String schemaName, String json) {
        GenericDatumReader<GenericRecord> reader =
                readers.computeIfAbsent(schemaName, name -> new GenericDatumReader<>(OutboxPayloads.schemaOf(name)));
        try {
            return reader.read(null, DecoderFactory.get().jsonDecoder(reader.getSchema(), json));
        } catch (IOException e) {
            throw new UncheckedIOException("not a " + schemaName + " in Avro JSON: " + json, e);
        }
    }
}
