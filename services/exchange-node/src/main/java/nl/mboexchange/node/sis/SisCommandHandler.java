package nl.mboexchange.node.sis;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.mboexchange.node.enrolment.application.CommandOutcome;
import nl.mboexchange.node.enrolment.application.EnrolmentCommand;
import nl.mboexchange.node.enrolment.application.EnrolmentService;
import nl.mboexchange.node.enrolment.application.RequestEnrolment;
import nl.mboexchange.node.idempotency.IdempotentExecution;
import nl.mboexchange.node.idempotency.StoredResponse;
import nl.mboexchange.node.outbox.OutboxRecord;
import nl.mboexchange.node.outbox.OutboxRepository;
import nl.mboexchange.node.shared.ConflictWithState;
import nl.mboexchange.node.shared.InvalidInput;
import nl.mboexchange.node.shared.NotFound;
import nl.mboexchange.node.shared.Refusal;
import nl.mboexchange.node.timeline.TimelineEvent;
import nl.mboexchange.sis.event.RejectionKind;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

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
 * <p>A command id is the idempotency key of the REST API's {@link IdempotentExecution}, so every id is decided once.
 * The same command arriving again (a redelivery after a crash, or the SIS sending it twice) is recognised by its id
 * and skipped, without a second effect and without a second answer, since the first answer is on the events topic
 * already. An id used again for another command is rejected, and not recorded, as the id is the other's.
 */
final class SisCommandHandler {

    private static final Logger log = LoggerFactory.getLogger(SisCommandHandler.class);
    private static final int ATTEMPTS_ON_CONCURRENT_CHANGE = 3;

    /** What became of a command. */
    enum Outcome {
        /** Carried out: it changed its enrolment, or found it already as asked. */
        APPLIED,
        /** Refused, and answered with a rejection. */
        REJECTED,
        /** Decided before under the same command id; skipped. */
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
    private final IdempotentExecution once;
    private final OutboxRepository outbox;
    private final SisCommands commands;
    private final SisUpdates updates;
    private final CommandInProgress inProgress;
    private final TransactionTemplate poll;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final String principal;

    SisCommandHandler(
            EnrolmentService enrolments,
            IdempotentExecution once,
            OutboxRepository outbox,
            SisCommands commands,
            SisUpdates updates,
            CommandInProgress inProgress,
            PlatformTransactionManager transactions,
            JsonMapper json,
            MeterRegistry meters,
            String commandsTopic) {
        this.enrolments = enrolments;
        this.once = once;
        this.outbox = outbox;
        this.commands = commands;
        this.updates = updates;
        this.inProgress = inProgress;
        this.poll = new TransactionTemplate(transactions);
        this.json = json;
        this.meters = meters;
        // Command ids live beside the REST API's idempotency keys, in a scope no registrar's name can take.
        this.principal = "kafka:" + commandsTopic;
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
            decisions.add(new Decision(one, issued, fingerprint(one.command())));
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
        Map<String, String> decidedBefore = once.fingerprintsOf(
                principal,
                decisions.stream().map(decision -> key(decision.issued)).toList());
        List<Decision> toCarryOut = new ArrayList<>();
        for (Decision decision : decisions) {
            decision.reset();
            String key = key(decision.issued);
            String earlier = decidedBefore.putIfAbsent(key, decision.fingerprint);
            if (earlier != null) {
                decision.seenBefore(earlier.equals(decision.fingerprint));
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
        List<CommandOutcome> carried = inProgress.run(() -> enrolments.executeAll(
                toCarryOut.stream().map(decision -> decision.command).toList()));
        for (int i = 0; i < carried.size(); i++) {
            toCarryOut.get(i).carried(carried.get(i));
        }

        List<OutboxRecord> answers = new ArrayList<>();
        List<IdempotentExecution.Decided> ids = new ArrayList<>();
        for (Decision decision : decisions) {
            decision.answer(answers, ids);
        }
        outbox.enqueueRecords(answers);
        once.recordAll(principal, ids);
    }

    /** One command of a poll while it is decided. */
    private final class Decision {
        private final Received received;
        private final IssuedCommand issued;
        private final String fingerprint;
        private EnrolmentCommand command;
        private CommandOutcome.Carried result;
        private Refusal refusal;
        private boolean reusedId;
        private Outcome outcome;

        Decision(Received received, IssuedCommand issued, String fingerprint) {
            this.received = received;
            this.issued = issued;
            this.fingerprint = fingerprint;
        }

        /** Forgets what an earlier, rolled back attempt decided. */
        void reset() {
            command = null;
            result = null;
            refusal = null;
            reusedId = false;
            outcome = null;
        }

        void seenBefore(boolean sameCommand) {
            if (sameCommand) {
                outcome = Outcome.DUPLICATE;
            } else {
                reusedId = true;
            }
        }

        void carried(CommandOutcome carriedOut) {
            if (carriedOut instanceof CommandOutcome.Refused refused) {
                refusal = refused.refusal();
            } else {
                result = (CommandOutcome.Carried) carriedOut;
            }
        }

        void answer(List<OutboxRecord> answers, List<IdempotentExecution.Decided> ids) {
            if (outcome == Outcome.DUPLICATE) {
                return;
            }
            if (reusedId) {
                String reason = "commandId " + issued.commandId() + " was used before for another command";
                answers.add(updates.rejected(issued, RejectionKind.INVALID, "CommandIdReused", "commandId", reason));
                outcome = Outcome.REJECTED;
                return;
            }
            if (refusal != null) {
                RejectionKind kind = kindOf(refusal);
                String field = refusal instanceof InvalidInput invalid ? invalid.field() : null;
                answers.add(updates.rejected(issued, kind, refusal.code(), field, refusal.getMessage()));
                ids.add(decided(
                        httpStatus(kind),
                        Map.of("outcome", "REJECTED", "code", refusal.code(), "reason", refusal.getMessage())));
                outcome = Outcome.REJECTED;
                return;
            }
            for (TimelineEvent sent : result.sent()) {
                answers.add(updates.of(sent, issued));
            }
            if (result.changedNothing()) {
                answers.add(updates.unchanged(issued, result.enrolment(), result.status()));
            }
            ids.add(decided(
                    command instanceof RequestEnrolment ? 201 : 200,
                    Map.of("outcome", "APPLIED", "status", result.status())));
            outcome = Outcome.APPLIED;
        }

        private IdempotentExecution.Decided decided(int status, Map<String, Object> outcome) {
            return new IdempotentExecution.Decided(
                    key(issued), fingerprint, new StoredResponse(status, null, body(issued, outcome), false));
        }

        void log() {
            if (outcome == Outcome.DUPLICATE) {
                log.info(
                        "Skipped {} {} of enrolment {}: decided before",
                        issued.type(),
                        issued.commandId(),
                        issued.enrolmentId());
            } else if (reusedId) {
                log.info(
                        "Rejected {} {} of enrolment {}: commandId was used before for another command",
                        issued.type(),
                        issued.commandId(),
                        issued.enrolmentId());
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

    private static RejectionKind kindOf(Refusal refusal) {
        if (refusal instanceof NotFound) {
            return RejectionKind.NOT_FOUND;
        }
        if (refusal instanceof ConflictWithState) {
            return RejectionKind.CONFLICT;
        }
        return RejectionKind.INVALID;
    }

    /** What the REST API answers for the same refusal. */
    private static int httpStatus(RejectionKind kind) {
        switch (kind) {
            case NOT_FOUND:
                return 404;
            case CONFLICT:
                return 409;
            default:
                return 400;
        }
    }

    private static String key(IssuedCommand issued) {
        return issued.commandId().toString();
    }

    private String body(IssuedCommand issued, Map<String, Object> outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("commandId", issued.commandId().toString());
        body.put("commandType", issued.type());
        body.put("enrolmentId", issued.enrolmentId().toString());
        body.put("issuedBy", issued.issuedBy());
        body.putAll(outcome);
        return json.writeValueAsString(body);
    }

    /** Identifies the command's content, so that an id reused for another command is recognised. */
    private static String fingerprint(SpecificRecord command) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String content = command.getSchema().getFullName() + "\n" + command;
            return HexFormat.of().formatHex(digest.digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
