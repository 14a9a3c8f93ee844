package nl.mboexchange.node.migration;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import nl.mboexchange.node.messaging.AvroEvents;
import nl.mboexchange.node.outbox.OutboxPayloads;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * V13: the outbox messages that nodes before V9 wrote as JSON are converted to the Avro binary encoding every later
 * message has, so that the node reads one form only. An exchange event was kept as {@link LegacyExchangeEventJson}
 * wrote it ({@code payload_schema} null) and becomes the Avro record the node has sent for it since; a record of
 * another contract was kept in Avro's own JSON encoding of the schema {@code payload_schema} names.
 *
 * <p>SQL cannot do this: it would have to encode Avro (zig-zag varints, unions) and apply the domain's rules. A
 * message that cannot be converted keeps its JSON and no record; the publisher holds it as unreadable, as it did such
 * messages before, and an operator releases it to the dead letters with its bytes.
 */
@Component
class ConvertLegacyOutboxPayloads implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(ConvertLegacyOutboxPayloads.class);

    private final LegacyExchangeEventJson exchangeEvents;

    ConvertLegacyOutboxPayloads(JsonMapper json) {
        this.exchangeEvents = new LegacyExchangeEventJson(json);
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("13");
    }

    @Override
    public String getDescription() {
        return "convert legacy outbox payloads to avro";
    }

    @Override
    public Integer getChecksum() {
        return 13;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<Legacy> legacy = new ArrayList<>();
        try (Statement select = connection.createStatement();
                ResultSet rs = select.executeQuery(
                        "select id, event_type, payload_schema, payload::text as payload from outbox_event"
                                + " where record is null order by id")) {
            while (rs.next()) {
                legacy.add(new Legacy(
                        rs.getLong("id"),
                        rs.getString("event_type"),
                        rs.getString("payload_schema"),
                        rs.getString("payload")));
            }
        }
        int converted = 0;
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_event set record = ?, payload_schema = ?, payload = null where id = ?")) {
            for (Legacy message : legacy) {
                Converted avro;
                try {
                    avro = convert(message);
                } catch (RuntimeException | IOException unreadable) {
                    log.warn(
                            "Outbox message {} ({}) cannot be converted to Avro and stays as JSON; the publisher holds"
                                    + " it: {}",
                            message.id,
                            message.type,
                            unreadable.toString());
                    continue;
                }
                update.setBytes(1, avro.bytes);
                update.setString(2, avro.schema);
                update.setLong(3, message.id);
                update.addBatch();
                converted++;
            }
            update.executeBatch();
        }
        if (!legacy.isEmpty()) {
            log.info("Converted {} of {} outbox messages kept as JSON to Avro", converted, legacy.size());
        }
    }

    private Converted convert(Legacy message) throws IOException {
        if (message.schema == null) {
            SpecificRecord record = AvroEvents.toAvro(exchangeEvents.read(message.type, message.json));
            return new Converted(
                    OutboxPayloads.write(record), record.getSchema().getFullName());
        }
        Schema schema = OutboxPayloads.schemaOf(message.schema);
        GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(schema, schema, GenericData.get());
        GenericRecord record = reader.read(null, DecoderFactory.get().jsonDecoder(schema, message.json));
        var out = new java.io.ByteArrayOutputStream(256);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema, GenericData.get()).write(record, encoder);
        encoder.flush();
        return new Converted(out.toByteArray(), message.schema);
    }

    private record Legacy(long id, String type, String schema, String json) {}

    private record Converted(byte[] bytes, String schema) {}
}
