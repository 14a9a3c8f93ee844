package nl.mboexchange.node.enrolment.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import nl.mboexchange.node.enrolment.Enrolment;
import nl.mboexchange.node.enrolment.EnrolmentAlreadyExists;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.EnrolmentNotFound;
import nl.mboexchange.node.enrolment.EnrolmentRepository;
import nl.mboexchange.node.enrolment.ExchangeEvent;
import nl.mboexchange.node.enrolment.HostNotAMember;
import nl.mboexchange.node.enrolment.StudentNotFound;
import nl.mboexchange.node.enrolment.timeline.TimelineEvent;
import nl.mboexchange.node.school.SchoolCode;
import nl.mboexchange.node.school.SchoolNetwork;
import nl.mboexchange.node.shared.Refusal;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The commands of this school's registrars and SIS. A command, or a batch of them, runs in one transaction: the
 * enrolment changes, and what that causes goes as one {@link Consequences} value to its subscribers (the timeline, the
 * exchange outbox, the SIS feed), or nothing happens at all. A
 * refused command throws a {@link Refusal} (or, in a batch, is reported as {@link CommandOutcome.Refused}) and
 * changes nothing.
 */
@Service
public class EnrolmentService {

    /** How often one command is carried out against a fresh read when the enrolment changed under it. */
    static final int ATTEMPTS = 5;

    private final EnrolmentRepository enrolments;
    private final ConsequenceDispatch consequences;
    private final PersonalData personalData;
    private final SchoolCode self;
    private final SchoolNetwork network;
    private final Clock clock;
    private final TransactionTemplate attempt;

    EnrolmentService(
            EnrolmentRepository enrolments,
            ConsequenceDispatch consequences,
            PersonalData personalData,
            SchoolCode self,
            SchoolNetwork network,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.enrolments = enrolments;
        this.consequences = consequences;
        this.personalData = personalData;
        this.self = self;
        this.network = network;
        this.clock = clock;
        this.attempt = new TransactionTemplate(transactions);
        this.attempt.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Carries out one command of any kind: a registrar's request through the REST API, for one. Repeating an identical
     * {@link RequestEnrolment} returns the enrolment as it is; a {@link CorrectResult} based on an older version is
     * refused as stale.
     *
     * <p>The enrolment may change while the command runs, because another school's event (a receipt, say) arrived at
     * the same moment. The command is then carried out again on the enrolment as it is now, so the domain decides
     * again whether it is allowed; the registrar sees a conflict only when it is not. Each attempt runs in a
     * transaction of its own, or in a savepoint of the caller's (the idempotency key's claim, for one), so a lost
     * attempt leaves nothing behind.
     *
     * @param origin who gives the command
     * @throws Refusal when the domain refuses the command; nothing has changed then
     * @throws OptimisticLockingFailureException when the enrolment kept changing for {@value #ATTEMPTS} attempts
     */
    public Enrolment execute(EnrolmentCommand command, Origin origin) {
        return retried(() -> executeOnce(command, origin));
    }

    /**
     * The home school erases the personal data of one of its students (AVG art. 17): on every enrolment it requested
     * for them, it removes the given name, family name, date of birth and e-mail address from everything this node
     * stores ({@link PersonalData}) and asks the host to erase its copy ({@link Enrolment#requestErasure}). All of the
     * student's enrolments must be closed; otherwise nothing is erased. Asking again changes nothing and sends
     * nothing. Like {@link #execute}, it is carried out again when an enrolment changed under it.
     *
     * @param exchangeId the student
     * @param origin who asks
     * @return the student's enrolments, oldest first, each with where its erasure stands
     * @throws StudentNotFound when this school requested no enrolment for the student
     * @throws Refusal when an enrolment of the student is still open; nothing has changed then
     */
    public List<Enrolment> eraseStudent(UUID exchangeId, Origin origin) {
        return retried(() -> eraseOnce(exchangeId, origin));
    }

    private List<Enrolment> eraseOnce(UUID exchangeId, Origin origin) {
        Instant now = clock.instant();
        List<Enrolment> requested = enrolments.findRequestedFor(exchangeId);
        if (requested.isEmpty()) {
            throw new StudentNotFound(exchangeId);
        }
        List<Enrolment> changed = new ArrayList<>();
        List<Consequences.Entry> entries = new ArrayList<>();
        List<ExchangeEvent> sent = new ArrayList<>();
        for (Enrolment enrolment : requested) {
            if (enrolment.requestErasure(now)) {
                changed.add(enrolment);
                for (ExchangeEvent event : enrolment.releaseEvents()) {
                    entries.add(Consequences.Entry.sent(TimelineEvent.sent(event, now), origin, enrolment));
                    sent.add(event);
                }
            }
        }
        enrolments.saveAll(changed);
        consequences.dispatch(new Consequences(changed, entries, sent));
        personalData.erase(changed.stream().map(Enrolment::id).toList(), now);
        return requested;
    }

    /** Runs the work in a transaction of its own, again on a fresh read while an enrolment changes under it. */
    private <T> T retried(Supplier<T> work) {
        for (int tried = 1; ; tried++) {
            try {
                return attempt.execute(status -> work.get());
            } catch (OptimisticLockingFailureException | DuplicateKeyException concurrent) {
                if (tried == ATTEMPTS) {
                    throw concurrent;
                }
            }
        }
    }

    private Enrolment executeOnce(EnrolmentCommand command, Origin origin) {
        CommandOutcome outcome = executeAll(List.of(command), List.of(origin)).get(0);
        if (outcome instanceof CommandOutcome.Refused refused) {
            throw refused.refusal();
        }
        return ((CommandOutcome.Carried) outcome).enrolment();
    }

    /**
     * Carries out many commands in one transaction, in the given order, as if each were {@link #execute executed}
     * alone; for adapters that receive commands in batches, like the SIS command topic. The enrolments are loaded
     * together and changed in memory one command at a time; the domain checks every rule before it changes anything,
     * so a refused command leaves its enrolment as the commands before it left it and the others go on. Then the
     * batch is written set-based: the changed enrolments, their timelines and the outbox.
     *
     * @param origins who gave each command, in the same order
     * @return one outcome per command, in the same order
     * @throws org.springframework.dao.OptimisticLockingFailureException when an enrolment changed concurrently;
     *     nothing is written, and the batch can be carried out again
     */
    @Transactional
    public List<CommandOutcome> executeAll(List<? extends EnrolmentCommand> commands, List<? extends Origin> origins) {
        if (origins.size() != commands.size()) {
            throw new IllegalArgumentException("one origin per command");
        }
        Instant now = clock.instant();
        Map<EnrolmentId, Enrolment> loaded = enrolments.findAllById(
                commands.stream().map(EnrolmentCommand::enrolmentId).distinct().toList());
        List<CommandOutcome> outcomes = new ArrayList<>(commands.size());
        Set<Enrolment> changed = new LinkedHashSet<>();
        List<Consequences.Entry> entries = new ArrayList<>();
        List<ExchangeEvent> sent = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            EnrolmentCommand command = commands.get(i);
            Origin origin = origins.get(i);
            try {
                Enrolment enrolment = carryOut(command, loaded, now);
                List<ExchangeEvent> released = enrolment.releaseEvents();
                List<Consequences.Entry> own = released.stream()
                        .map(event -> Consequences.Entry.sent(TimelineEvent.sent(event, now), origin, enrolment))
                        .toList();
                if (!released.isEmpty()) {
                    changed.add(enrolment);
                    entries.addAll(own);
                    sent.addAll(released);
                }
                outcomes.add(new CommandOutcome.Carried(command, enrolment, enrolment.status(), own));
            } catch (Refusal refusal) {
                outcomes.add(new CommandOutcome.Refused(command, refusal));
            }
        }
        enrolments.saveAll(changed);
        consequences.dispatch(new Consequences(List.copyOf(changed), entries, sent));
        return outcomes;
    }

    /** Changes the enrolment in memory, or creates it; throws the domain's refusal when it is not allowed. */
    private Enrolment carryOut(EnrolmentCommand command, Map<EnrolmentId, Enrolment> loaded, Instant now) {
        if (command instanceof RequestEnrolment request) {
            Enrolment existing = loaded.get(request.enrolmentId());
            if (existing != null) {
                if (existing.isRequestedAs(request.hostSchool(), request.student(), request.course())) {
                    return existing;
                }
                throw new EnrolmentAlreadyExists(request.enrolmentId());
            }
            if (!network.isMember(request.hostSchool())) {
                throw new HostNotAMember(request.hostSchool());
            }
            Enrolment requested = Enrolment.request(
                    request.enrolmentId(), self, request.hostSchool(), request.student(), request.course(), now);
            loaded.put(requested.id(), requested);
            return requested;
        }
        Enrolment enrolment = loaded.get(command.enrolmentId());
        if (enrolment == null) {
            throw new EnrolmentNotFound(command.enrolmentId());
        }
        if (command instanceof AcceptEnrolment accept) {
            enrolment.accept(accept.note(), now);
        } else if (command instanceof RejectEnrolment reject) {
            enrolment.reject(reject.reasonCode(), reject.reasonText(), now);
        } else if (command instanceof WithdrawEnrolment withdraw) {
            enrolment.withdraw(withdraw.reason(), now);
        } else if (command instanceof RecordResult record) {
            enrolment.recordResult(record.attempt(), record.grade(), record.finalResult(), record.assessedOn(), now);
        } else if (command instanceof CorrectResult correct) {
            enrolment.correctResult(
                    correct.attempt(),
                    correct.expectedLatestVersion(),
                    correct.grade(),
                    correct.finalResult(),
                    correct.assessedOn(),
                    correct.reason(),
                    now);
        } else {
            RevokeResult revoke = (RevokeResult) command;
            enrolment.revokeResult(revoke.attempt(), revoke.reason(), now);
        }
        return enrolment;
    }
}
