package nl.mboexchange.node.sis;

import java.util.ArrayList;
import java.util.List;
import nl.mboexchange.node.messaging.AvroCodec;
import nl.mboexchange.node.messaging.DeadLetters;
import nl.mboexchange.node.messaging.DeadLetters.DeadLetter;
import nl.mboexchange.node.messaging.DeadLetters.Reason;
import nl.mboexchange.serde.AvroSerdeException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Takes in the commands of this school's SIS, a poll at a time, in the order they were sent: decodes each record and
 * hands the poll's commands to the {@link SisCommandHandler}, which carries each out or rejects it on the events
 * topic, all in one transaction; the container commits the offsets after that. A record that is not a command at all
 * (bytes that are not Avro, an unknown schema, another contract's record) goes to the dead-letter topic with the
 * reason in headers, and the next command goes on. A fault of the infrastructure (registry or database away) fails
 * the whole poll, which is then redone; the command ids make the redo harmless.
 */
final class SisCommandListener implements BatchMessageListener<String, byte[]> {

    private final AvroCodec codec;
    private final SisCommandHandler handler;
    private final DeadLetters deadLetters;

    SisCommandListener(AvroCodec codec, SisCommandHandler handler, DeadLetters deadLetters) {
        this.codec = codec;
        this.handler = handler;
        this.deadLetters = deadLetters;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        List<SisCommandHandler.Received> commands = new ArrayList<>(records.size());
        List<DeadLetter> refused = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                refused.add(new DeadLetter(record, Reason.INVALID, null, "the record has no value"));
                continue;
            }
            Object decoded;
            try {
                decoded = codec.decode(record.topic(), record.headers(), record.value());
            } catch (AvroSerdeException e) {
                if (e.isRetriable()) {
                    throw e;
                }
                refused.add(new DeadLetter(record, Reason.UNDECODABLE, null, e.getMessage()));
                continue;
            }
            if (!SisCommands.isCommand(decoded)) {
                refused.add(new DeadLetter(
                        record,
                        Reason.INVALID,
                        null,
                        "not a command of the SIS contract: "
                                + (decoded == null
                                        ? "no record"
                                        : decoded.getClass().getName())));
                continue;
            }
            commands.add(new SisCommandHandler.Received(record.key(), (SpecificRecord) decoded));
        }
        handler.handle(commands);
        deadLetters.send(refused);
    }
}
