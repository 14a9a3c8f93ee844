package nl.mboexchange.node.sis;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.mboexchange.node.enrolment.application.CommandOutcome;
import nl.mboexchange.node.enrolment.application.Consequences;
import nl.mboexchange.node.enrolment.application.EnrolmentCommand;
import nl.mboexchange.node.enrolment.application.EnrolmentService;
import nl.mboexchange.node.enrolment.application.Origin;
import nl.mboexchange.node.outbox.OutboxRecord;
import nl.mboexchange.node.outbox.OutboxRepository;
import nl.mboexchange.node.shared.InvalidInput;
import nl.mboexchange.node.shared.Refusal;
import nl.mboexchange.node.shared.RefusalOutcome;
import nl.mboexchange.sis.event.CommandIdHolder;
import nl.mboexchange.sis.event.RejectionKind;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out the commands of the SIS, once per command id, and answers each on the events topic.
 *
 * <p>A poll's commands are decided together, in one transaction and in the order they came: the node is bound by its
 * database, and one commit per poll rather than per command is what lets a SIS send a term's worth of commands at
 * once. The ids decided before are looked up in one query; the rest are carried out by {@link
 * EnrolmentService#executeAll}, which changes their enrolments in memory, one command after the other, and writes
 * them set-based; then every answer (the updates a command caused, or its rejection) goes to the outbox and every
 * command id is recorded, each as one JDBC batch. A refused command changes nothing, is answered with a rejection
 * and keeps its id; the other commands go on.
 *
 * <p>Every command id is decided once, and kept with the command's answer in the {@link SisCommandStore}.
 * A command is identified by its id and its business fields; {@code issuedAt} and {@code issuedBy} are the envelope,
 * which a SIS that resends after a crash may well fill in anew. The same command arriving again (a redelivery, or the
 * SIS sending it again because it never saw an answer) has no second effect, and is answered again with the first
 * answer, marked as its repeat: a SIS learns the outcome from the topic whatever it lost. An id used again for a command
 * with other business fields is rejected, naming the command that holds the id, and not recorded, as the id is the
 * other's.
 */
final class SisCommandHandler {

    private static final Logger log = LoggerFactory.getLogger(SisCommandHandler.class);
    private static final int ATTEMPTS_ON_CONCURRENT_CHANGE = 3;
    private static final Set<String> ENVELOPE = Set.of("issuedAt", "issuedBy");

    /** What became of a command. */
    enum Outcome {
        /** Carried out: it changed its enrolment, or found it already as asked. */
        APPLIED,
        /** Refused, and answered with a rejection. */
        REJECTED,
        /** Decided before under the same command id; not carried out again, but its first answer repeated. */
        DUPLICATE
    }

    /**
     * One command as it came from the commands topic.
     *
     * @param key the Kafka record key, which must be the enrolment id
     * @param command a command of the SIS contract
     */
    record Received(String key, SpecificRecord command) {}

    private final EnrolmentService enrolments;
    private final SisCommandStore store;
    private final OutboxRepository outbox;
    private final SisCommands commands;
    private final SisUpdates updates;
    private final RepeatedAnswers repeated;
    private final TransactionTemplate poll;
    private final MeterRegistry meters;

    SisCommandHandler(
            EnrolmentService enrolments,
            SisCommandStore store,
            OutboxRepository outbox,
            SisCommands commands,
            SisUpdates updates,
            PlatformTransactionManager transactions,
            MeterRegistry meters) {
        this.enrolments = enrolments;
        this.store = store;
        this.outbox = outbox;
        this.commands = commands;
        this.updates = updates;
        this.repeated = new RepeatedAnswers(updates.topic());
        this.poll = new TransactionTemplate(transactions);
        this.meters = meters;
    }

    /**
     * Carries out the commands in order and answers each, skipping those whose id was decided before.
     *
     * @return what became of each, in the same order
     * @throws RuntimeException when the database is not available; nothing is committed and the poll can be handled
     *     again
     */
    List<Outcome> handle(List<Received> received) {
        if (received.isEmpty()) {
            return List.of();
        }
        List<Decision> decisions = new ArrayList<>(received.size());
        for (Received one : received) {
            IssuedCommand issued = SisCommands.issued(one.command());
            decisions.add(new Decision(one, issued, fingerprint(one.command()), envelopeFingerprint(one.command())));
        }
        for (int attempt = 1; ; attempt++) {
            try {
                poll.executeWithoutResult(status -> decide(decisions));
                break;
            } catch (OptimisticLockingFailureException | DuplicateKeyException concurrent) {
                // A registrar changed or created one of the enrolments meanwhile, or another instance decided one of
                // the ids; nothing of this poll was committed, so decide it again on what that transaction committed.
                if (attempt == ATTEMPTS_ON_CONCURRENT_CHANGE) {
                    throw concurrent;
                }
                log.debug("An enrolment or command id changed while the commands were decided; deciding again");
            }
        }
        List<Outcome> outcomes = new ArrayList<>(decisions.size());
        for (Decision decision : decisions) {
            outcomes.add(decision.outcome);
            decision.log();
            meters.counter(
                            "mbo.sis.commands",
                            "type",
                            decision.issued.type(),
                            "outcome",
                            decision.outcome.name().toLowerCase(Locale.ROOT))
                    .increment();
        }
        return outcomes;
    }

    private void decide(List<Decision> decisions) {
        Map<UUID, SisCommandStore.Earlier> decidedBefore = store.decidedBefore(
                decisions.stream().map(decision -> decision.issued.commandId()).toList());
        Map<UUID, Decision> firstInPoll = new HashMap<>();
        List<Decision> toCarryOut = new ArrayList<>();
        for (Decision decision : decisions) {
            decision.reset();
            UUID key = decision.issued.commandId();
            SisCommandStore.Earlier earlier = decidedBefore.get(key);
            if (earlier != null) {
                decision.decidedBefore(earlier);
                continue;
            }
            Decision first = firstInPoll.putIfAbsent(key, decision);
            if (first != null) {
                decision.decidedInPoll(first);
                continue;
            }
            try {
                decision.command = commands.toCommand(decision.received.command());
                if (!decision.issued.enrolmentId().toString().equals(decision.received.key())) {
                    throw new InvalidCommand(
                            "key",
                            "the record key " + decision.received.key() + " is not the enrolment id "
                                    + decision.issued.enrolmentId()
                                    + "; the commands of one enrolment are kept in order by that key");
                }
                toCarryOut.add(decision);
            } catch (Refusal refusal) {
                decision.refusal = refusal;
            }
        }
        List<CommandOutcome> carried = enrolments.executeAll(
                toCarryOut.stream().map(decision -> decision.command).toList(),
                toCarryOut.stream()
                        .map(decision -> new Origin.SisCommand(
                                decision.issued.commandId(), decision.issued.issuedBy(), updates.sisLogin()))
                        .toList());
        for (int i = 0; i < carried.size(); i++) {
            toCarryOut.get(i).carried(carried.get(i));
        }

        List<OutboxRecord> answers = new ArrayList<>();
        List<SisCommandStore.Decided> ids = new ArrayList<>();
        for (Decision decision : decisions) {
            decision.answer(answers, ids);
        }
        outbox.enqueue(answers);
        store.recordAll(ids);
    }

    /** One command of a poll while it is decided. */
    private final class Decision {
        private final Received received;
        private final IssuedCommand issued;
        private final String fingerprint;
        private final String envelopeFingerprint;
        private EnrolmentCommand command;
        private CommandOutcome.Carried result;
        private Refusal refusal;
        private SisCommandStore.Earlier earlier;
        private Decision first;
        private CommandIdHolder idHeldBy;
        private final List<OutboxRecord> given = new ArrayList<>();
        private Outcome outcome;

        Decision(Received received, IssuedCommand issued, String fingerprint, String envelopeFingerprint) {
            this.received = received;
            this.issued = issued;
            this.fingerprint = fingerprint;
            this.envelopeFingerprint = envelopeFingerprint;
        }

        /** Forgets what an earlier, rolled back attempt decided. */
        void reset() {
            command = null;
            result = null;
            refusal = null;
            earlier = null;
            first = null;
            idHeldBy = null;
            given.clear();
            outcome = null;
        }

        void decidedBefore(SisCommandStore.Earlier decided) {
            // A fingerprint kept by an earlier release covers the whole command, envelope and all.
            if (decided.fingerprint().equals(fingerprint)
                    || decided.fingerprint().equals(envelopeFingerprint)) {
                earlier = decided;
                outcome = Outcome.DUPLICATE;
            } else {
                idHeldBy = holder(decided);
            }
        }

        void decidedInPoll(Decision firstOfId) {
            if (firstOfId.fingerprint.equals(fingerprint)) {
                first = firstOfId;
                outcome = Outcome.DUPLICATE;
            } else {
                idHeldBy = CommandIdHolder.newBuilder()
                        .setCommandType(firstOfId.issued.type())
                        .setEnrolmentId(firstOfId.issued.enrolmentId().value())
                        .setDecidedAt(null)
                        .build();
            }
        }

        void carried(CommandOutcome carriedOut) {
            if (carriedOut instanceof CommandOutcome.Refused refused) {
                refusal = refused.refusal();
            } else {
                result = (CommandOutcome.Carried) carriedOut;
            }
        }

        void answer(List<OutboxRecord> answers, List<SisCommandStore.Decided> ids) {
            if (outcome == Outcome.DUPLICATE) {
                given.addAll(first != null ? repeated.repeat(first.given) : repeated.repeat(earlier.answers()));
                answers.addAll(given);
                return;
            }
            if (idHeldBy != null) {
                String reason =
                        "commandId " + issued.commandId() + " is held by an earlier " + idHeldBy.getCommandType()
                                + " of enrolment " + idHeldBy.getEnrolmentId()
                                + " with other business fields; that command's answer stands, and this one was not carried out";
                answers.add(updates.rejected(
                        issued,
                        RejectionKind.INVALID,
                        "CommandIdReused",
                        "commandId",
                        reason,
                        List.of(new FieldProblem("commandId", "CommandIdReused", reason)),
                        idHeldBy));
                outcome = Outcome.REJECTED;
                return;
            }
            if (refusal != null) {
                RefusalOutcome refused = RefusalOutcome.of(refusal);
                RejectionKind kind = RejectionKind.valueOf(refused.sisRejectionKind());
                String field = refusal instanceof InvalidInput invalid ? invalid.field() : null;
                given.add(updates.rejected(
                        issued, kind, refusal.code(), field, refusal.getMessage(), problems(refusal), null));
                answers.addAll(given);
                ids.add(decided(
                        SisCommandStore.Answer.rejected(kind.name(), refusal.code(), field, refusal.getMessage())));
                outcome = Outcome.REJECTED;
                return;
            }
            for (Consequences.Entry sent : result.sent()) {
                given.add(updates.of(sent));
            }
            if (result.changedNothing()) {
                given.add(updates.unchanged(issued, result.enrolment(), result.status()));
            }
            answers.addAll(given);
            ids.add(decided(SisCommandStore.Answer.applied(result.status().name())));
            outcome = Outcome.APPLIED;
        }

        private SisCommandStore.Decided decided(SisCommandStore.Answer answer) {
            return new SisCommandStore.Decided(issued, fingerprint, answer, repeated.keep(given));
        }

        void log() {
            if (outcome == Outcome.DUPLICATE) {
                if (given.isEmpty()) {
                    log.info(
                            "Skipped {} {} of enrolment {}: decided before this node kept its answers",
                            issued.type(),
                            issued.commandId(),
                            issued.enrolmentId());
                } else {
                    log.info(
                            "Answered {} {} of enrolment {} again: decided before",
                            issued.type(),
                            issued.commandId(),
                            issued.enrolmentId());
                }
            } else if (idHeldBy != null) {
                log.info(
                        "Rejected {} {} of enrolment {}: commandId is held by an earlier {} of enrolment {}",
                        issued.type(),
                        issued.commandId(),
                        issued.enrolmentId(),
                        idHeldBy.getCommandType(),
                        idHeldBy.getEnrolmentId());
            } else if (refusal != null) {
                log.info(
                        "Rejected {} {} of enrolment {} issued by {}: {} {}",
                        issued.type(),
                        issued.commandId(),
                        issued.enrolmentId(),
                        issued.issuedBy(),
                        refusal.code(),
                        refusal.getMessage());
            }
        }
    }

    /** Every wrong field of a refused command: all of them when it has several, else the one it names. */
    private static List<FieldProblem> problems(Refusal refusal) {
        if (refusal instanceof InvalidFields invalid) {
            return invalid.problems();
        }
        if (refusal instanceof InvalidInput invalid && invalid.field() != null) {
            return List.of(new FieldProblem(invalid.field(), refusal.code(), refusal.getMessage()));
        }
        return List.of();
    }

    /** The command that holds an id. */
    private static CommandIdHolder holder(SisCommandStore.Earlier earlier) {
        return CommandIdHolder.newBuilder()
                .setCommandType(earlier.commandType())
                .setEnrolmentId(earlier.enrolmentId())
                .setDecidedAt(earlier.decidedAt())
                .build();
    }

    /**
     * Identifies the command by what it asks, so that a retry is recognised and an id reused for another command is
     * not: the record name and every field but the envelope ({@code issuedAt}, {@code issuedBy}), which a SIS resending
     * after a crash may fill in anew. Fields left null do not count, so an optional field that a later release adds
     * does not make a retry across the upgrade look like another command.
     */
    static String fingerprint(SpecificRecord command) {
        StringBuilder content = new StringBuilder(command.getSchema().getFullName());
        for (Schema.Field field : command.getSchema().getFields()) {
            Object value = command.get(field.pos());
            if (ENVELOPE.contains(field.name()) || value == null) {
                continue;
            }
            content.append('\n')
                    .append(field.name())
                    .append('=')
                    .append(SpecificData.get().toString(value));
        }
        return "v2:" + sha256(content.toString());
    }

    /** The fingerprint earlier releases kept: the whole command, envelope and all. */
    static String envelopeFingerprint(SpecificRecord command) {
        return sha256(command.getSchema().getFullName() + "\n" + command);
    }

    private static String sha256(String content) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
