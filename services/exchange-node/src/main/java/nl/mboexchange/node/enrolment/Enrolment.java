package nl.mboexchange.node.enrolment;

import static nl.mboexchange.node.enrolment.EnrolmentRole.HOME;
import static nl.mboexchange.node.enrolment.EnrolmentRole.HOST;
import static nl.mboexchange.node.enrolment.EnrolmentStatus.ACCEPTED;
import static nl.mboexchange.node.enrolment.EnrolmentStatus.COMPLETED;
import static nl.mboexchange.node.enrolment.EnrolmentStatus.REJECTED;
import static nl.mboexchange.node.enrolment.EnrolmentStatus.REQUESTED;
import static nl.mboexchange.node.enrolment.EnrolmentStatus.WITHDRAWN;
import static nl.mboexchange.node.shared.Require.optionalText;
import static nl.mboexchange.node.shared.Require.present;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.mboexchange.node.course.CourseOffering;
import nl.mboexchange.node.result.Assessment;
import nl.mboexchange.node.result.Attempt;
import nl.mboexchange.node.result.AttemptNotFound;
import nl.mboexchange.node.result.AttemptOutOfSequence;
import nl.mboexchange.node.result.Grade;
import nl.mboexchange.node.result.Receipt;
import nl.mboexchange.node.result.ReceiptDoesNotMatch;
import nl.mboexchange.node.result.ResultVersion;
import nl.mboexchange.node.result.Revocation;
import nl.mboexchange.node.result.StaleResultVersion;
import nl.mboexchange.node.school.SchoolCode;
import nl.mboexchange.node.shared.InvalidValue;

/**
 * One student following one course at one host school, as this node sees it: outgoing at the home school
 * ({@link EnrolmentRole#HOME}), incoming at the host school ({@link EnrolmentRole#HOST}).
 *
 * <pre>
 * REQUESTED --accept--> ACCEPTED --final result acknowledged--> COMPLETED
 *     |                     |
 *     +--reject--> REJECTED +--withdraw (home)--> WITHDRAWN
 *     +--withdraw (home)--> WITHDRAWN
 * </pre>
 *
 * <p>Each state change is a method named for the intent: the ones this school decides on ({@link #accept},
 * {@link #recordResult}, {@link #withdraw}...) and the ones it learns from the other school ({@code receive...}). Each
 * checks every rule before it changes anything, so a refused change leaves the enrolment as it was, and registers
 * the {@link ExchangeEvent}s that the other school must receive; {@link #releaseEvents()} hands them to the outbox.
 *
 * <p>The host records results; the home school keeps every version and answers each with a receipt. An enrolment
 * is completed when a final result is acknowledged: at the home school when it records a final result (and sends
 * its receipt), at the host when that receipt arrives.
 *
 * <p>The home school can erase the student's personal data of a closed enrolment ({@link #requestErasure}); the host
 * then erases its copy and confirms ({@link #receiveErasureRequest}). Erasure leaves the status and the results as
 * they are.
 */
public final class Enrolment {

    private final EnrolmentId id;
    private final EnrolmentRole role;
    private final SchoolCode homeSchool;
    private final SchoolCode hostSchool;
    private VisitingStudent student;
    private final CourseOffering course;
    private final Instant requestedAt;
    private final Long lockVersion;
    private final SortedMap<Integer, Attempt> attempts = new TreeMap<>();
    private final List<ExchangeEvent> events = new ArrayList<>();
    private EnrolmentStatus status;
    private String acceptanceNote;
    private Rejection rejection;
    private String withdrawalReason;
    private Instant lastChangedAt;
    private Erasure erasure;

    private Enrolment(Snapshot state) {
        this.id = state.id();
        this.role = state.role();
        this.homeSchool = state.homeSchool();
        this.hostSchool = state.hostSchool();
        this.student = state.student();
        this.course = state.course();
        this.requestedAt = state.requestedAt();
        this.lockVersion = state.lockVersion();
        this.status = state.status();
        this.acceptanceNote = state.acceptanceNote();
        this.rejection = state.rejection();
        this.withdrawalReason = state.withdrawalReason();
        this.lastChangedAt = state.lastChangedAt();
        this.erasure = state.erasure();
        state.attempts().forEach(attempt -> attempts.put(attempt.number(), attempt));
    }

    /** The home school asks the host to enrol its student: a new outgoing enrolment. */
    public static Enrolment request(
            EnrolmentId id,
            SchoolCode homeSchool,
            SchoolCode hostSchool,
            VisitingStudent student,
            CourseOffering course,
            Instant at) {
        present(hostSchool, "hostSchool");
        if (hostSchool.equals(homeSchool)) {
            throw new InvalidValue("hostSchool", "a school cannot request an enrolment at itself");
        }
        EventHeader header = EventHeader.next(id, homeSchool, hostSchool, at);
        Enrolment enrolment = new Enrolment(new Snapshot(
                id,
                HOME,
                homeSchool,
                hostSchool,
                student,
                course,
                REQUESTED,
                header.occurredAt(),
                null,
                null,
                null,
                List.of(),
                at,
                null,
                null));
        enrolment.register(new RegistrationRequested(header, student, course));
        return enrolment;
    }

    /** The host learns of a request: a new incoming enrolment. */
    public static Enrolment receiveRequest(RegistrationRequested request, SchoolCode self, Instant at) {
        if (!request.recipient().equals(self)) {
            throw new UnexpectedSchool("recipientSchool", request.recipient(), self);
        }
        return new Enrolment(new Snapshot(
                request.enrolmentId(),
                HOST,
                request.sender(),
                self,
                request.student(),
                request.course(),
                REQUESTED,
                request.occurredAt(),
                null,
                null,
                null,
                List.of(),
                at,
                null,
                null));
    }

    /** Rebuilds an enrolment as it was stored. */
    public static Enrolment restore(Snapshot state) {
        return new Enrolment(state);
    }

    /** The host admits the student. */
    public void accept(String note, Instant at) {
        requireRole(HOST, "accept the enrolment");
        requireStatus("accept", REQUESTED);
        RegistrationAccepted accepted = new RegistrationAccepted(outgoingHeader(at), note);
        admit(accepted.note(), at);
        register(accepted);
    }

    /** The host does not admit the student. */
    public void reject(RejectionReason reasonCode, String reasonText, Instant at) {
        requireRole(HOST, "reject the enrolment");
        requireStatus("reject", REQUESTED);
        Rejection reason = new Rejection(reasonCode, reasonText);
        RegistrationRejected rejected = new RegistrationRejected(outgoingHeader(at), reason);
        refuse(reason, at);
        register(rejected);
    }

    /** The home school withdraws its student, before or after the host admitted them. */
    public void withdraw(String reason, Instant at) {
        requireRole(HOME, "withdraw the student");
        requireStatus("withdraw", REQUESTED, ACCEPTED);
        RegistrationWithdrawn withdrawn = new RegistrationWithdrawn(outgoingHeader(at), reason);
        leave(withdrawn.reason(), at);
        register(withdrawn);
    }

    /** The home school learns that the host admitted the student. */
    public void receiveAcceptance(RegistrationAccepted accepted, Instant at) {
        requireFromCounterpart(accepted);
        requireRole(HOME, "receive an acceptance");
        requireStatus("accept", REQUESTED);
        admit(accepted.note(), at);
    }

    /** The home school learns that the host did not admit the student. */
    public void receiveRejection(RegistrationRejected rejected, Instant at) {
        requireFromCounterpart(rejected);
        requireRole(HOME, "receive a rejection");
        requireStatus("reject", REQUESTED);
        refuse(rejected.rejection(), at);
    }

    /** The host learns that the home school withdrew the student. */
    public void receiveWithdrawal(RegistrationWithdrawn withdrawn, Instant at) {
        requireFromCounterpart(withdrawn);
        requireRole(HOST, "receive a withdrawal");
        requireStatus("withdraw", REQUESTED, ACCEPTED);
        leave(withdrawn.reason(), at);
    }

    /** The host records the first result of a new attempt; attempts are numbered 1, 2, ... without gaps. */
    public void recordResult(int attempt, Grade grade, boolean finalResult, LocalDate assessedOn, Instant at) {
        requireRole(HOST, "record a result");
        requireStatus("record a result", ACCEPTED);
        course.resultScale().check(grade);
        if (attempt != nextAttempt()) {
            throw new AttemptOutOfSequence(attempt, nextAttempt());
        }
        EventHeader header = outgoingHeader(at);
        Assessment first = new Assessment(
                attempt, 1, grade, finalResult, assessedOn, null, header.eventId(), header.occurredAt(), null);
        CourseResultRecorded recorded = CourseResultRecorded.of(header, first);
        attempts.put(attempt, Attempt.first(first));
        changed(at);
        register(recorded);
    }

    /**
     * The host corrects the result of an attempt with a new version. {@code expectedLatestVersion} is the version
     * the correction is based on: when the attempt has moved on since, the correction is refused as stale.
     */
    public void correctResult(
            int attempt,
            int expectedLatestVersion,
            Grade grade,
            boolean finalResult,
            LocalDate assessedOn,
            String reason,
            Instant at) {
        requireRole(HOST, "correct a result");
        requireStatus("correct a result", ACCEPTED, COMPLETED);
        course.resultScale().check(grade);
        Attempt current = existingAttempt(attempt);
        if (current.latestVersion() != expectedLatestVersion) {
            throw StaleResultVersion.basedOn(attempt, current.latestVersion(), expectedLatestVersion);
        }
        EventHeader header = outgoingHeader(at);
        Assessment correction = new Assessment(
                attempt,
                current.latestVersion() + 1,
                grade,
                finalResult,
                assessedOn,
                reason,
                header.eventId(),
                header.occurredAt(),
                null);
        Attempt corrected = current.with(correction);
        CourseResultRecorded recorded = CourseResultRecorded.of(header, correction);
        attempts.put(attempt, corrected);
        changed(at);
        register(recorded);
    }

    /** The host withdraws the result of an attempt altogether; the earlier versions stay as history. */
    public void revokeResult(int attempt, String reason, Instant at) {
        requireRole(HOST, "revoke a result");
        requireStatus("revoke a result", ACCEPTED, COMPLETED);
        Attempt current = existingAttempt(attempt);
        EventHeader header = outgoingHeader(at);
        Revocation revocation = new Revocation(
                attempt, current.latestVersion() + 1, reason, header.eventId(), header.occurredAt(), null);
        Attempt revoked = current.with(revocation);
        CourseResultRevoked event = CourseResultRevoked.of(header, revocation);
        attempts.put(attempt, revoked);
        changed(at);
        register(event);
    }

    /**
     * The home school records a result version from the host and acknowledges it. A version that is not the next
     * one of its attempt is refused as stale or out of order.
     */
    public void receiveResult(CourseResultRecorded recorded, Instant at) {
        requireFromCounterpart(recorded);
        requireRole(HOME, "receive a result");
        course.resultScale().check(recorded.grade());
        keepAndAcknowledge(recorded.assessment(), at);
    }

    /** The home school records that the host revoked a result, and acknowledges it. */
    public void receiveRevocation(CourseResultRevoked revoked, Instant at) {
        requireFromCounterpart(revoked);
        requireRole(HOME, "receive a revocation");
        keepAndAcknowledge(revoked.revocation(), at);
    }

    /** The host learns that the home school recorded a result version; a final one completes the enrolment. */
    public void receiveReceipt(ResultAcknowledged receipt, Instant at) {
        requireFromCounterpart(receipt);
        requireRole(HOST, "receive a receipt");
        Attempt current = existingAttempt(receipt.attempt());
        ResultVersion version = current.version(receipt.version());
        if (!version.eventId().equals(receipt.acknowledgedEventId())) {
            throw new ReceiptDoesNotMatch(receipt.attempt(), receipt.version(), receipt.acknowledgedEventId());
        }
        Attempt acknowledged =
                current.acknowledged(receipt.version(), new Receipt(receipt.eventId(), receipt.occurredAt()));
        attempts.put(current.number(), acknowledged);
        completeWhenFinal(version);
        changed(at);
    }

    /**
     * The home school erases the student's personal data of this enrolment and asks the host to erase its copy (AVG
     * art. 17). Only a closed enrolment can be erased: while the student is enrolled or waiting for a decision, the
     * host needs to know who they are, so the home school withdraws them first. Asking again changes nothing and
     * sends nothing: the first request is on its way, and the outbox sends it however long the host is away.
     *
     * @return whether this call asked for erasure, rather than finding it asked before
     */
    public boolean requestErasure(Instant at) {
        requireRole(HOME, "erase the student's personal data");
        requireStatus("erase the student's personal data; withdraw the student first", COMPLETED, REJECTED, WITHDRAWN);
        if (erasure != null) {
            return false;
        }
        ErasureRequested request = new ErasureRequested(outgoingHeader(at));
        erase(Erasure.requested(request), at);
        register(request);
        return true;
    }

    /**
     * The host erases its copy of the student's personal data at the home school's request, whatever the state of
     * the enrolment here, and confirms it. A further request (with another event id) is confirmed again.
     */
    public void receiveErasureRequest(ErasureRequested request, Instant at) {
        requireFromCounterpart(request);
        requireRole(HOST, "receive an erasure request");
        EventHeader header = outgoingHeader(at);
        ErasureConfirmed confirmation = new ErasureConfirmed(header, request.eventId());
        erase(Erasure.requested(request).confirmedBy(confirmation), at);
        register(confirmation);
    }

    /** The home school learns that the host erased its copy. A second confirmation of the same request is kept out. */
    public void receiveErasureConfirmation(ErasureConfirmed confirmation, Instant at) {
        requireFromCounterpart(confirmation);
        requireRole(HOME, "receive an erasure confirmation");
        if (erasure == null || !erasure.requestEventId().equals(confirmation.requestEventId())) {
            throw new ErasureConfirmationDoesNotMatch(id, confirmation.requestEventId());
        }
        if (!erasure.isConfirmed()) {
            erasure = erasure.confirmedBy(confirmation);
            changed(at);
        }
    }

    /** Hands out the events registered since the last call, oldest first, and forgets them. */
    public List<ExchangeEvent> releaseEvents() {
        List<ExchangeEvent> released = List.copyOf(events);
        events.clear();
        return released;
    }

    /** This enrolment is what the home school asked for: the same host, student and course. */
    public boolean isRequestedAs(SchoolCode hostSchool, VisitingStudent student, CourseOffering course) {
        return role == HOME
                && this.hostSchool.equals(hostSchool)
                && this.student.equals(student)
                && this.course.equals(course);
    }

    /** The school is the other side of this enrolment: the host for the home school, and the other way round. */
    public boolean isCounterpart(SchoolCode school) {
        return counterpart().equals(school);
    }

    /** The school this node is, on this enrolment. */
    public SchoolCode self() {
        return role == HOME ? homeSchool : hostSchool;
    }

    /** The school on the other side. */
    public SchoolCode counterpart() {
        return role == HOME ? hostSchool : homeSchool;
    }

    public EnrolmentId id() {
        return id;
    }

    public EnrolmentRole role() {
        return role;
    }

    public EnrolmentStatus status() {
        return status;
    }

    public SchoolCode homeSchool() {
        return homeSchool;
    }

    public SchoolCode hostSchool() {
        return hostSchool;
    }

    public VisitingStudent student() {
        return student;
    }

    public CourseOffering course() {
        return course;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    /** The host's note on admission, or {@code null}. */
    public String acceptanceNote() {
        return acceptanceNote;
    }

    /** Why the host did not admit the student, or {@code null}. */
    public Rejection rejection() {
        return rejection;
    }

    /** Why the home school withdrew the student, or {@code null}. */
    public String withdrawalReason() {
        return withdrawalReason;
    }

    /** Every attempt with all its result versions, by attempt number. */
    public List<Attempt> attempts() {
        return List.copyOf(attempts.values());
    }

    public Instant lastChangedAt() {
        return lastChangedAt;
    }

    /** Where erasure of the student's personal data stands, or {@code null} when it was never asked for. */
    public Erasure erasure() {
        return erasure;
    }

    /** The stored version this enrolment was read at, for optimistic locking; {@code null} when never stored. */
    public Long lockVersion() {
        return lockVersion;
    }

    /** The whole state, as a repository stores it. */
    public Snapshot snapshot() {
        return new Snapshot(
                id,
                role,
                homeSchool,
                hostSchool,
                student,
                course,
                status,
                requestedAt,
                acceptanceNote,
                rejection,
                withdrawalReason,
                attempts(),
                lastChangedAt,
                erasure,
                lockVersion);
    }

    private void keepAndAcknowledge(ResultVersion version, Instant at) {
        Attempt kept = withNextVersion(version);
        EventHeader header = outgoingHeader(at);
        ResultAcknowledged receipt =
                new ResultAcknowledged(header, version.eventId(), version.attempt(), version.version());
        Attempt acknowledged = kept.acknowledged(version.version(), new Receipt(header.eventId(), header.occurredAt()));
        attempts.put(version.attempt(), acknowledged);
        completeWhenFinal(version);
        changed(at);
        register(receipt);
    }

    private Attempt withNextVersion(ResultVersion version) {
        Attempt existing = attempts.get(version.attempt());
        if (existing != null) {
            requireStatus("change a result", ACCEPTED, COMPLETED);
            return existing.with(version);
        }
        if (version.version() > 1) {
            throw new AttemptNotFound(version.attempt());
        }
        requireStatus("record a result", ACCEPTED);
        if (version.attempt() != nextAttempt()) {
            throw new AttemptOutOfSequence(version.attempt(), nextAttempt());
        }
        return Attempt.first((Assessment) version);
    }

    private void completeWhenFinal(ResultVersion acknowledged) {
        if (acknowledged.isFinal() && status == ACCEPTED) {
            status = COMPLETED;
        }
    }

    private void admit(String note, Instant at) {
        status = ACCEPTED;
        acceptanceNote = optionalText(note, "note", RegistrationAccepted.MAX_NOTE);
        changed(at);
    }

    private void refuse(Rejection reason, Instant at) {
        status = REJECTED;
        rejection = reason;
        changed(at);
    }

    private void erase(Erasure state, Instant at) {
        erasure = state;
        student = student.erased();
        changed(at);
    }

    private void leave(String reason, Instant at) {
        status = WITHDRAWN;
        withdrawalReason = reason;
        changed(at);
    }

    private int nextAttempt() {
        return attempts.isEmpty() ? 1 : attempts.lastKey() + 1;
    }

    private Attempt existingAttempt(int attempt) {
        Attempt existing = attempts.get(attempt);
        if (existing == null) {
            throw new AttemptNotFound(attempt);
        }
        return existing;
    }

    private void requireRole(EnrolmentRole required, String action) {
        if (role != required) {
            throw TransitionNotAllowed.onSide(id, role, action);
        }
    }

    private void requireStatus(String action, EnrolmentStatus... allowed) {
        for (EnrolmentStatus candidate : allowed) {
            if (status == candidate) {
                return;
            }
        }
        throw TransitionNotAllowed.inStatus(id, status, action);
    }

    private void requireFromCounterpart(ExchangeEvent event) {
        if (!event.enrolmentId().equals(id)) {
            throw new InvalidValue("enrolmentId", "event for " + event.enrolmentId() + " applied to " + id);
        }
        if (!event.sender().equals(counterpart())) {
            throw new UnexpectedSchool("senderSchool", event.sender(), counterpart());
        }
        if (!event.recipient().equals(self())) {
            throw new UnexpectedSchool("recipientSchool", event.recipient(), self());
        }
    }

    private EventHeader outgoingHeader(Instant at) {
        return EventHeader.next(id, self(), counterpart(), at);
    }

    private void changed(Instant at) {
        lastChangedAt = at;
    }

    private void register(ExchangeEvent event) {
        events.add(event);
    }

    /**
     * The whole state of an enrolment.
     *
     * @param id the enrolment id
     * @param role this node's side
     * @param homeSchool where the student is enrolled for their diploma
     * @param hostSchool where the course is taught
     * @param student the visiting student
     * @param course the course offering
     * @param status the lifecycle status
     * @param requestedAt when the home school requested the enrolment
     * @param acceptanceNote the host's note on admission, or {@code null}
     * @param rejection the host's reason for not admitting, or {@code null}
     * @param withdrawalReason the home school's reason for withdrawing, or {@code null}
     * @param attempts every attempt with its result versions
     * @param lastChangedAt when this node last changed the enrolment
     * @param erasure where erasure of the student's personal data stands, or {@code null} when never asked for
     * @param lockVersion the stored version, or {@code null} when never stored
     */
    public record Snapshot(
            EnrolmentId id,
            EnrolmentRole role,
            SchoolCode homeSchool,
            SchoolCode hostSchool,
            VisitingStudent student,
            CourseOffering course,
            EnrolmentStatus status,
            Instant requestedAt,
            String acceptanceNote,
            Rejection rejection,
            String withdrawalReason,
            List<Attempt> attempts,
            Instant lastChangedAt,
            Erasure erasure,
            Long lockVersion) {

        public Snapshot {
            present(id, "enrolmentId");
            present(role, "role");
            present(homeSchool, "homeSchool");
            present(hostSchool, "hostSchool");
            present(student, "student");
            present(course, "course");
            present(status, "status");
            present(requestedAt, "requestedAt");
            present(lastChangedAt, "lastChangedAt");
            attempts = List.copyOf(attempts);
        }
    }
}
