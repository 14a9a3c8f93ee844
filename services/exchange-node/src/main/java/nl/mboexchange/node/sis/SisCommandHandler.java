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
import nl.mboexchange.node.enrolment.Enrolment;
import nl.mboexchange.node.enrolment.application.EnrolmentCommand;
import nl.mboexchange.node.enrolment.application.EnrolmentService;
import nl.mboexchange.node.enrolment.application.RequestEnrolment;
import nl.mboexchange.node.idempotency.IdempotencyKeyReused;
import nl.mboexchange.node.idempotency.IdempotentExecution;
import nl.mboexchange.node.idempotency.StoredResponse;
import nl.mboexchange.node.outbox.OutboxRepository;
import nl.mboexchange.node.shared.ConflictWithState;
import nl.mboexchange.node.shared.InvalidInput;
import nl.mboexchange.node.shared.NotFound;
import nl.mboexchange.node.shared.Refusal;
import nl.mboexchange.sis.event.RejectionKind;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Carries out the commands of the SIS, once per command id, and answers each on the events topic.
 *
 * <p>A poll's commands run in one transaction, in the order they came, each in a savepoint of its own (a nested
 * transaction): the node is bound by its database, and one commit per poll rather than per command is what lets a
 * SIS send a term's worth of commands at once. A command's id is the idempotency key of the REST API's
 * {@link IdempotentExecution}, claimed in the command's savepoint: the claim, the change, its timeline, the exchange
 * event for the other school and the SIS's update are kept together. A refused command is rolled back to its
 * savepoint, and its rejection, with the claim of its id, is written in its place; the other commands go on.
 *
 * <p>So every command id is decided once. The same command arriving again (a redelivery after a crash, or the SIS
 * sending it twice) is recognised by its id and skipped, without a second effect and without a second answer, since
 * the first answer is on the events topic already.
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
    private final TransactionTemplate savepoint;
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
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
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
        List<IssuedCommand> issued = new ArrayList<>(received.size());
        List<Outcome> outcomes = poll.execute(status -> {
            issued.clear();
            List<Outcome> decided = new ArrayList<>(received.size());
            for (Received command : received) {
                IssuedCommand one = SisCommands.issued(command.command());
                issued.add(one);
                decided.add(handle(command, one));
            }
            return decided;
        });
        for (int i = 0; i < outcomes.size(); i++) {
            meters.counter(
                            "mbo.sis.commands",
                            "type",
                            issued.get(i).type(),
                            "outcome",
                            outcomes.get(i).name().toLowerCase(Locale.ROOT))
                    .increment();
        }
        return outcomes;
    }

    private Outcome handle(Received received, IssuedCommand issued) {
        String fingerprint = fingerprint(received.command());
        try {
            EnrolmentCommand command = commands.toCommand(received.command());
            if (!issued.enrolmentId().toString().equals(received.key())) {
                throw new InvalidCommand(
                        "key",
                        "the record key " + received.key() + " is not the enrolment id " + issued.enrolmentId()
                                + "; the commands of one enrolment are kept in order by that key");
            }
            return carryOut(issued, fingerprint, command);
        } catch (Refusal refusal) {
            return reject(issued, fingerprint, refusal);
        } catch (IdempotencyKeyReused reused) {
            return rejectReusedId(issued);
        }
    }

    private Outcome carryOut(IssuedCommand issued, String fingerprint, EnrolmentCommand command) {
        for (int attempt = 1; ; attempt++) {
            try {
                StoredResponse response =
                        savepoint.execute(status -> once.execute(principal, key(issued), fingerprint, () -> {
                            CommandInProgress.Done<Enrolment> done =
                                    inProgress.run(issued, () -> enrolments.execute(command));
                            Enrolment enrolment = done.result();
                            if (done.updates() == 0) {
                                outbox.enqueueRecords(List.of(updates.unchanged(issued, enrolment)));
                            }
                            return new StoredResponse(
                                    command instanceof RequestEnrolment ? 201 : 200,
                                    null,
                                    body(issued, Map.of("outcome", "APPLIED", "status", enrolment.status())),
                                    false);
                        }));
                if (response.replayed()) {
                    log.info(
                            "Skipped {} {} of enrolment {}: decided before",
                            issued.type(),
                            issued.commandId(),
                            issued.enrolmentId());
                    return Outcome.DUPLICATE;
                }
                return Outcome.APPLIED;
            } catch (OptimisticLockingFailureException | DuplicateKeyException concurrent) {
                // Another transaction changed or created the enrolment meanwhile; this command's savepoint is rolled
                // back, so run it again on the enrolment as that transaction committed it.
                if (attempt == ATTEMPTS_ON_CONCURRENT_CHANGE) {
                    throw concurrent;
                }
                log.debug("Enrolment {} changed while {} ran; running it again", issued.enrolmentId(), issued.type());
            }
        }
    }

    private Outcome reject(IssuedCommand issued, String fingerprint, Refusal refusal) {
        RejectionKind kind = kindOf(refusal);
        String field = refusal instanceof InvalidInput invalid ? invalid.field() : null;
        try {
            StoredResponse response =
                    savepoint.execute(status -> once.execute(principal, key(issued), fingerprint, () -> {
                        outbox.enqueueRecords(
                                List.of(updates.rejected(issued, kind, refusal.code(), field, refusal.getMessage())));
                        return new StoredResponse(
                                httpStatus(kind),
                                null,
                                body(
                                        issued,
                                        Map.of(
                                                "outcome",
                                                "REJECTED",
                                                "code",
                                                refusal.code(),
                                                "reason",
                                                refusal.getMessage())),
                                false);
                    }));
            if (response.replayed()) {
                return Outcome.DUPLICATE;
            }
        } catch (IdempotencyKeyReused reused) {
            return rejectReusedId(issued);
        }
        log.info(
                "Rejected {} {} of enrolment {} issued by {}: {} {}",
                issued.type(),
                issued.commandId(),
                issued.enrolmentId(),
                issued.issuedBy(),
                refusal.code(),
                refusal.getMessage());
        return Outcome.REJECTED;
    }

    /** The id was used before for another command: answered, but not recorded, as the id is the other's. */
    private Outcome rejectReusedId(IssuedCommand issued) {
        String reason = "commandId " + issued.commandId() + " was used before for another command";
        outbox.enqueueRecords(
                List.of(updates.rejected(issued, RejectionKind.INVALID, "CommandIdReused", "commandId", reason)));
        log.info("Rejected {} {} of enrolment {}: {}", issued.type(), issued.commandId(), issued.enrolmentId(), reason);
        return Outcome.REJECTED;
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
