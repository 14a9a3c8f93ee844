package nl.mboexchange.node.sis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.mboexchange.node.outbox.OutboxRecord;
import nl.mboexchange.sis.CommandRejected;
import nl.mboexchange.sis.EnrolmentUpdate;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The answers to a command, kept with its command id, and given again when the same command comes again: a SIS that
 * crashed before it read its answer learns the outcome by sending the command once more.
 *
 * <p>An answer is kept in Avro's single-object encoding, which names the schema it was written with, and without the
 * student: that personal data is the enrolment's, erased with it, and the SIS that sent the command has it anyway. A
 * repeat is a new record ({@code eventId} unique, as the outbox and every SIS rely on) whose {@code repeatOf} names the
 * first answer and whose other fields are the first answer's.
 */
final class RepeatedAnswers {

    private static final Logger log = LoggerFactory.getLogger(RepeatedAnswers.class);
    private static final String TYPE = "type";
    private static final String AVRO = "avro";

    private final String topic;

    RepeatedAnswers(String eventsTopic) {
        this.topic = eventsTopic;
    }

    /** The answers as they are kept in the command id's stored response. */
    List<Map<String, String>> keep(List<OutboxRecord> answers) {
        List<Map<String, String>> kept = new ArrayList<>(answers.size());
        for (OutboxRecord answer : answers) {
            SpecificRecord record = withoutStudent(answer.record());
            Map<String, String> one = new LinkedHashMap<>();
            one.put(TYPE, record.getSchema().getName());
            one.put(AVRO, Base64.getEncoder().encodeToString(encode(record)));
            kept.add(one);
        }
        return kept;
    }

    /**
     * The repeats of answers kept with {@link #keep}.
     *
     * @param answers the {@code answers} of the stored response, or {@code null} when the command was decided by a
     *     node that did not keep them
     * @return the repeats, in the order of the first answers; without those that cannot be read (written with a schema
     *     this node does not know), and empty when none was kept
     */
    List<OutboxRecord> repeat(JsonNode answers) {
        List<OutboxRecord> repeats = new ArrayList<>();
        if (answers == null || !answers.isArray()) {
            return repeats;
        }
        for (JsonNode one : answers) {
            String type = one.path(TYPE).asString("");
            try {
                repeats.add(repeat(
                        decode(type, Base64.getDecoder().decode(one.path(AVRO).asString("")))));
            } catch (AvroRuntimeException | IllegalArgumentException | UncheckedIOException unreadable) {
                // The command was answered once already; a repeat that cannot be made must not turn the command into a
                // record fault that stops in the dead-letter topic.
                log.warn(
                        "Cannot repeat a kept {} answer ({}); the first answer stands",
                        type,
                        unreadable.getClass().getSimpleName());
            }
        }
        return repeats;
    }

    /** The repeats of answers given in this same poll. */
    List<OutboxRecord> repeat(List<OutboxRecord> answers) {
        return answers.stream().map(answer -> repeat(answer.record())).toList();
    }

    private OutboxRecord repeat(SpecificRecord first) {
        if (first instanceof EnrolmentUpdate update) {
            EnrolmentUpdate repeat = EnrolmentUpdate.newBuilder(update)
                    .setEventId(UUID.randomUUID())
                    .setRepeatOf(update.getEventId())
                    .setStudent(null)
                    .build();
            return new OutboxRecord(
                    repeat.getEventId(), topic, repeat.getEnrolmentId().toString(), repeat);
        }
        if (first instanceof CommandRejected rejected) {
            CommandRejected repeat = CommandRejected.newBuilder(rejected)
                    .setEventId(UUID.randomUUID())
                    .setRepeatOf(rejected.getEventId())
                    .build();
            return new OutboxRecord(
                    repeat.getEventId(), topic, repeat.getEnrolmentId().toString(), repeat);
        }
        throw new IllegalArgumentException("not an answer: " + first.getSchema().getFullName());
    }

    private static SpecificRecord withoutStudent(SpecificRecord answer) {
        if (answer instanceof EnrolmentUpdate update && update.getStudent() != null) {
            return EnrolmentUpdate.newBuilder(update).setStudent(null).build();
        }
        return answer;
    }

    private static byte[] encode(SpecificRecord record) {
        try {
            ByteBuffer buffer = record instanceof EnrolmentUpdate update
                    ? update.toByteBuffer()
                    : ((CommandRejected) record).toByteBuffer();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The answer, read with today's schema.
     *
     * @throws MissingSchemaException when it was written with a schema this node does not know; a later release that
     *     changes the answers' schemas adds the released ones to the decoders ({@code getDecoder().addSchema})
     */
    private static SpecificRecord decode(String type, byte[] avro) {
        try {
            return switch (type) {
                case "EnrolmentUpdate" -> EnrolmentUpdate.fromByteBuffer(ByteBuffer.wrap(avro));
                case "CommandRejected" -> CommandRejected.fromByteBuffer(ByteBuffer.wrap(avro));
                default -> throw new IllegalArgumentException("not an answer: " + type);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
