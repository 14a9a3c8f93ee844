package nl.mboexchange.node.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.application.EnrolmentService;
import nl.mboexchange.node.enrolment.application.Origin;
import nl.mboexchange.node.enrolment.application.RequestEnrolment;
import nl.mboexchange.node.outbox.OutboxMessage;
import nl.mboexchange.node.outbox.OutboxPayloads;
import nl.mboexchange.node.outbox.OutboxRepository;
import nl.mboexchange.node.support.CounterpartSchool;
import nl.mboexchange.node.support.NodeIntegrationTest;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** V13 turns every outbox message an older node kept as JSON into the Avro record the node sends for it today. */
class ConvertLegacyOutboxPayloadsIT extends NodeIntegrationTest {

    @Autowired
    private OutboxRepository outbox;

    @Autowired
    private EnrolmentService commands;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private List<JavaMigration> migrations;

    @Autowired
    private DataSource dataSource;

    @BeforeEach
    void onlyThisTestsMessagesWait() {
        // The node runs without Kafka here: nothing publishes, so the outbox holds what earlier tests left.
        jdbc.update("delete from outbox_event");
    }

    @Test
    void messages_kept_as_json_become_the_avro_they_stand_for_and_one_that_cannot_be_read_is_left_to_be_held()
            throws Exception {
        EnrolmentId asEventJson = request();
        EnrolmentId asAvroJson = request();
        byte[] eventJsonAvro = record(asEventJson);
        byte[] avroJsonAvro = record(asAvroJson);
        // As nodes before V9 wrote them: an exchange event as the JSON the timeline also keeps, and a record of a
        // contract in Avro's own JSON encoding, named by payload_schema.
        jdbc.update("""
                update outbox_event o set payload = t.details, record = null, payload_schema = null
                from timeline_entry t where t.event_id = o.event_id and o.message_key = ?
                """, asEventJson.toString());
        String schema = jdbc.queryForObject(
                "select payload_schema from outbox_event where message_key = ?", String.class, asAvroJson.toString());
        jdbc.update(
                "update outbox_event set payload = cast(? as json), record = null where message_key = ?",
                avroJson(OutboxPayloads.read(schema, avroJsonAvro)),
                asAvroJson.toString());
        String unreadable = EnrolmentId.random().toString();
        jdbc.update(
                "insert into outbox_event (event_id, topic, message_key, event_type, payload, created_at)"
                        + " values (?, 'mbo.exchange.25LX.30GH', ?, 'RegistrationAccepted', cast(? as json), now())",
                UUID.randomUUID(),
                unreadable,
                "{\"eventId\": \"not a uuid\"}");

        migrate();

        assertThat(stored(asEventJson)).containsEntry("payload", null).containsEntry("payload_schema", schema);
        // The timeline's JSON does not keep the event's position: an event converted from it goes without one, as every
        // event did before events carried positions.
        assertThat(record(asEventJson)).isEqualTo(withoutPosition(schema, eventJsonAvro));
        assertThat(stored(asAvroJson)).containsEntry("payload", null).containsEntry("payload_schema", schema);
        assertThat(record(asAvroJson)).isEqualTo(avroJsonAvro);
        assertThat(stored(unreadable)).containsEntry("record", null).containsKey("payload");
        assertThat(stored(unreadable).get("payload")).hasToString("{\"eventId\": \"not a uuid\"}");
        List<OutboxMessage> claimed = transactions.execute(status -> outbox.claimBatch(10));
        assertThat(claimed).filteredOn(OutboxMessage::isReadable).hasSize(2);
        assertThat(claimed)
                .filteredOn(message -> !message.isReadable())
                .singleElement()
                .extracting(OutboxMessage::key)
                .isEqualTo(unreadable);
    }

    private void migrate() throws Exception {
        JavaMigration v13 = migrations.stream()
                .filter(migration -> migration.getVersion().getVersion().equals("13"))
                .findFirst()
                .orElseThrow();
        try (Connection connection = dataSource.getConnection()) {
            v13.migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        }
    }

    private EnrolmentId request() {
        var example = CounterpartSchool.requests(EnrolmentId.random(), UUID.randomUUID());
        return commands.execute(
                        new RequestEnrolment(null, CounterpartSchool.SCHOOL, example.student(), example.course()),
                        new Origin.Registrar(REGISTRAR))
                .id();
    }

    private byte[] record(Object key) {
        return jdbc.queryForObject(
                "select record from outbox_event where message_key = ?", byte[].class, key.toString());
    }

    private Map<String, Object> stored(Object key) {
        return jdbc.queryForMap(
                "select record, payload_schema, payload::text as payload from outbox_event where message_key = ?",
                key.toString());
    }

    private static String avroJson(GenericRecord record) throws IOException {
        var out = new ByteArrayOutputStream();
        JsonEncoder encoder = EncoderFactory.get().jsonEncoder(record.getSchema(), out);
        new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] withoutPosition(String schema, byte[] avro) throws IOException {
        GenericRecord record = OutboxPayloads.read(schema, avro);
        record.put("position", null);
        var out = new ByteArrayOutputStream();
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
