package nl.mboexchange.node.enrolment.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import nl.mboexchange.node.enrolment.Enrolment;
import nl.mboexchange.node.enrolment.EnrolmentAlreadyExists;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.enrolment.EnrolmentNotFound;
import nl.mboexchange.node.enrolment.EnrolmentRepository;
import nl.mboexchange.node.enrolment.ExchangeEvent;
import nl.mboexchange.node.outbox.OutboxRepository;
import nl.mboexchange.node.school.SchoolCode;
import nl.mboexchange.node.timeline.Timeline;
import nl.mboexchange.node.timeline.TimelineEvent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The commands of this school's registrars and SIS. Each runs in one transaction: the enrolment changes, and the
 * events it causes go to its timeline and to the outbox, or nothing happens at all. A refused command throws a
 * {@link nl.mboexchange.node.shared.Refusal} and changes nothing.
 */
@Service
public class EnrolmentService {

    private final EnrolmentRepository enrolments;
    private final Timeline timeline;
    private final OutboxRepository outbox;
    private final SchoolCode self;
    private final Clock clock;

    EnrolmentService(
            EnrolmentRepository enrolments, Timeline timeline, OutboxRepository outbox, SchoolCode self, Clock clock) {
        this.enrolments = enrolments;
        this.timeline = timeline;
        this.outbox = outbox;
        this.self = self;
        this.clock = clock;
    }

    /** Carries out any command; for adapters that receive commands of every kind, like the SIS command topic. */
    @Transactional
    public Enrolment execute(EnrolmentCommand command) {
        if (command instanceof RequestEnrolment request) {
            return request(request);
        } else if (command instanceof AcceptEnrolment accept) {
            return accept(accept);
        } else if (command instanceof RejectEnrolment reject) {
            return reject(reject);
        } else if (command instanceof WithdrawEnrolment withdraw) {
            return withdraw(withdraw);
        } else if (command instanceof RecordResult record) {
            return recordResult(record);
        } else if (command instanceof CorrectResult correct) {
            return correctResult(correct);
        } else {
            return revokeResult((RevokeResult) command);
        }
    }

    /** Home school: requests an enrolment at a host. Repeating an identical request returns the enrolment as is. */
    @Transactional
    public Enrolment request(RequestEnrolment command) {
        var existing = enrolments.findById(command.enrolmentId());
        if (existing.isPresent()) {
            if (existing.get().isRequestedAs(command.hostSchool(), command.student(), command.course())) {
                return existing.get();
            }
            throw new EnrolmentAlreadyExists(command.enrolmentId());
        }
        Instant now = clock.instant();
        Enrolment requested = Enrolment.request(
                command.enrolmentId(), self, command.hostSchool(), command.student(), command.course(), now);
        return store(requested, now);
    }

    /** Host school: admits the student. */
    @Transactional
    public Enrolment accept(AcceptEnrolment command) {
        return change(command.enrolmentId(), (enrolment, now) -> enrolment.accept(command.note(), now));
    }

    /** Host school: does not admit the student. */
    @Transactional
    public Enrolment reject(RejectEnrolment command) {
        return change(
                command.enrolmentId(),
                (enrolment, now) -> enrolment.reject(command.reasonCode(), command.reasonText(), now));
    }

    /** Home school: withdraws the student. */
    @Transactional
    public Enrolment withdraw(WithdrawEnrolment command) {
        return change(command.enrolmentId(), (enrolment, now) -> enrolment.withdraw(command.reason(), now));
    }

    /** Host school: records the first result of an attempt. */
    @Transactional
    public Enrolment recordResult(RecordResult command) {
        return change(
                command.enrolmentId(),
                (enrolment, now) -> enrolment.recordResult(
                        command.attempt(), command.grade(), command.finalResult(), command.assessedOn(), now));
    }

    /** Host school: corrects the result of an attempt, refused as stale when it is based on an older version. */
    @Transactional
    public Enrolment correctResult(CorrectResult command) {
        return change(
                command.enrolmentId(),
                (enrolment, now) -> enrolment.correctResult(
                        command.attempt(),
                        command.expectedLatestVersion(),
                        command.grade(),
                        command.finalResult(),
                        command.assessedOn(),
                        command.reason(),
                        now));
    }

    /** Host school: revokes the result of an attempt. */
    @Transactional
    public Enrolment revokeResult(RevokeResult command) {
        return change(
                command.enrolmentId(),
                (enrolment, now) -> enrolment.revokeResult(command.attempt(), command.reason(), now));
    }

    private Enrolment change(EnrolmentId id, StateChange change) {
        Enrolment enrolment = enrolments.findById(id).orElseThrow(() -> new EnrolmentNotFound(id));
        Instant now = clock.instant();
        change.apply(enrolment, now);
        return store(enrolment, now);
    }

    private Enrolment store(Enrolment enrolment, Instant now) {
        List<ExchangeEvent> sent = enrolment.releaseEvents();
        Enrolment stored = enrolments.save(enrolment);
        timeline.append(sent.stream()
                .map(event -> TimelineEvent.sent(event, enrolment, now))
                .toList());
        outbox.enqueue(sent);
        return stored;
    }

    @FunctionalInterface
    private interface StateChange {
        void apply(Enrolment enrolment, Instant now);
    }
}
