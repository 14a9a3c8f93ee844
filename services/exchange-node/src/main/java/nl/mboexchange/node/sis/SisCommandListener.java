package nl.mboexchange.node.sis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import nl.mboexchange.node.deadletter.DeadLetters;
import nl.mboexchange.node.deadletter.DeadLetters.DeadLetter;
import nl.mboexchange.node.deadletter.DeadLetters.Reason;
import nl.mboexchange.node.deadletter.Replayer;
import nl.mboexchange.node.deadletter.StoredDeadLetter;
import nl.mboexchange.node.deadletter.StoredDeadLetter.Source;
import nl.mboexchange.node.intake.Bisection;
import nl.mboexchange.node.intake.Faults;
import nl.mboexchange.node.kafka.AvroCodec;
import nl.mboexchange.serde.AvroSerdeException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Takes in the commands of this school's SIS, a poll at a time, in the order they were sent: decodes each record and
 * hands the poll's commands to the {@link SisCommandHandler}, which carries each out or rejects it on the events
 * topic, all in one transaction; the container commits the offsets after that. A record that is not a command at all
 * (bytes that are not Avro, an unknown or unusable schema, another contract's record) goes to the dead-letter topic
 * with the reason in headers, and so does a command that fails on its own when the poll is split ({@link Bisection}),
 * e.g. because the database refuses a value of it; the other commands go on, in order. A fault of the infrastructure
 * (registry or database away) fails the whole poll, which the container retries with back-off; the command ids make
 * the redo harmless.
 */
final class SisCommandListener implements BatchMessageListener<String, byte[]>, Replayer {

    private final AvroCodec codec;
    private final SisCommandHandler handler;
    private final DeadLetters deadLetters;
    private final Bisection<Command, SisCommandHandler.Outcome> bisection;

    SisCommandListener(
            AvroCodec codec, SisCommandHandler handler, DeadLetters deadLetters, BooleanSupplier databaseAvailable) {
        this.codec = codec;
        this.handler = handler;
        this.deadLetters = deadLetters;
        this.bisection = new Bisection<>(
                commands ->
                        handler.handle(commands.stream().map(Command::received).toList()),
                databaseAvailable);
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        deadLetters.send(Source.SIS_COMMANDS, take(records).deadLetters());
    }

    @Override
    public Source source() {
        return Source.SIS_COMMANDS;
    }

    @Override
    public ReplayOutcome replay(StoredDeadLetter letter) {
        Taken taken = take(List.of(letter.asRecord()));
        if (!taken.deadLetters().isEmpty()) {
            return new ReplayOutcome(false, taken.deadLetters().get(0).summary());
        }
        // Carried out, rejected on the events topic, or found decided before: the SIS has its answer either way.
        return new ReplayOutcome(true, taken.outcomes().get(0).name());
    }

    private Taken take(List<ConsumerRecord<String, byte[]>> records) {
        DeadLetter[] byRecord = new DeadLetter[records.size()];
        List<Command> commands = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            try {
                commands.add(new Command(i, record, new SisCommandHandler.Received(record.key(), decode(record))));
            } catch (NotACommand refused) {
                byRecord[i] = refused.letter;
            }
        }
        Bisection.Outcome<Command, SisCommandHandler.Outcome> outcome = bisection.apply(commands);
        for (Bisection.Failed<Command> failed : outcome.failed()) {
            byRecord[failed.item().index()] = new DeadLetter(
                    failed.item().record(),
                    SisCommands.issued(failed.item().received().command()).commandId(),
                    Reason.UNPROCESSABLE,
                    Faults.sqlState(failed.failure()),
                    Faults.describe(failed.failure()));
        }
        return new Taken(
                outcome.results().stream().filter(Objects::nonNull).toList(),
                Arrays.stream(byRecord).filter(Objects::nonNull).toList());
    }

    /** The command in the record. */
    private SpecificRecord decode(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new NotACommand(new DeadLetter(record, Reason.INVALID, null, "the record has no value"));
        }
        Object decoded;
        try {
            decoded = codec.decode(record.topic(), record.headers(), record.value());
        } catch (AvroSerdeException e) {
            if (e.isRetriable()) {
                throw e;
            }
            throw new NotACommand(new DeadLetter(record, Reason.UNDECODABLE, null, e.getMessage()));
        } catch (RuntimeException e) {
            // Decoding asks nothing but the registry, whose faults are the retriable ones above: this is the record's.
            throw new NotACommand(new DeadLetter(record, Reason.UNDECODABLE, null, Faults.describe(e)));
        }
        if (!SisCommands.isCommand(decoded)) {
            throw new NotACommand(new DeadLetter(
                    record,
                    Reason.INVALID,
                    null,
                    "not a command of the SIS contract: "
                            + (decoded == null
                                    ? "no record"
                                    : decoded.getClass().getName())));
        }
        return (SpecificRecord) decoded;
    }

    /** A record that is not a command of the contract. */
    private static final class NotACommand extends RuntimeException {
        private final transient DeadLetter letter;

        NotACommand(DeadLetter letter) {
            super(letter.detail(), null, false, false);
            this.letter = letter;
        }
    }

    /** A command with its record and its place in the poll. */
    private record Command(int index, ConsumerRecord<String, byte[]> record, SisCommandHandler.Received received) {}

    /** What became of a poll: the outcomes of the commands taken in, and the records to dead-letter. */
    private record Taken(List<SisCommandHandler.Outcome> outcomes, List<DeadLetter> deadLetters) {}
}
