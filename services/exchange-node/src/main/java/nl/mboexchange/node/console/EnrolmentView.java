package nl.mboexchange.node.console;

import static nl.mboexchange.node.enrolment.EnrolmentRole.HOME;
import static nl.mboexchange.node.enrolment.EnrolmentRole.HOST;
import static nl.mboexchange.node.enrolment.EnrolmentStatus.ACCEPTED;
import static nl.mboexchange.node.enrolment.EnrolmentStatus.COMPLETED;
import static nl.mboexchange.node.enrolment.EnrolmentStatus.REQUESTED;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.mboexchange.node.enrolment.Enrolment;
import nl.mboexchange.node.enrolment.EnrolmentStatus;
import nl.mboexchange.node.enrolment.application.EnrolmentDetails;
import nl.mboexchange.node.enrolment.timeline.TimelineEntry;
import nl.mboexchange.node.result.Attempt;

/**
 * One enrolment as its page shows it: the enrolment, what the other school's events show of its status, and which
 * of the registrar's actions this school may take now.
 *
 * @param enrolment the enrolment
 * @param timeline every event sent and received, oldest first
 * @param counterpart the status at the other school, as far as this node knows it
 */
public record EnrolmentView(Enrolment enrolment, List<TimelineEntry> timeline, CounterpartStatus counterpart) {

    static EnrolmentView of(EnrolmentDetails details) {
        Enrolment enrolment = details.enrolment();
        Set<UUID> finalReceipts = enrolment.attempts().stream()
                .flatMap(attempt -> attempt.versions().stream())
                .filter(version -> version.isFinal() && version.isAcknowledged())
                .map(version -> version.receipt().eventId())
                .collect(Collectors.toSet());
        return new EnrolmentView(
                enrolment, details.timeline(), CounterpartStatus.of(details.timeline(), finalReceipts));
    }

    public boolean isHome() {
        return enrolment.role() == HOME;
    }

    public boolean canDecide() {
        return enrolment.role() == HOST && enrolment.status() == REQUESTED;
    }

    public boolean canWithdraw() {
        return enrolment.role() == HOME && (is(REQUESTED) || is(ACCEPTED));
    }

    /** At the home school, a closed enrolment whose student's personal data was not erased yet. */
    public boolean canErase() {
        return enrolment.role() == HOME && !is(REQUESTED) && !is(ACCEPTED) && enrolment.erasure() == null;
    }

    public boolean canRecord() {
        return enrolment.role() == HOST && is(ACCEPTED);
    }

    /** A result can be corrected or revoked: the host has one that is not revoked. */
    public boolean canChangeResult() {
        return enrolment.role() == HOST && (is(ACCEPTED) || is(COMPLETED)) && latestOpenAttempt() != null;
    }

    /** The number the next attempt gets. */
    public int nextAttempt() {
        return enrolment.attempts().size() + 1;
    }

    /** The latest attempt whose result is not revoked, or {@code null}. */
    public Attempt latestOpenAttempt() {
        List<Attempt> attempts = enrolment.attempts();
        for (int i = attempts.size() - 1; i >= 0; i--) {
            if (!attempts.get(i).isRevoked()) {
                return attempts.get(i);
            }
        }
        return null;
    }

    /** The other school can still act on what this node sent it. */
    public boolean counterpartBehind() {
        return counterpart.behind(enrolment.status());
    }

    /** The versions of an attempt's result, oldest first. */
    public List<VersionRow> versions(Attempt attempt) {
        return attempt.versions().stream().map(VersionRow::of).toList();
    }

    private boolean is(EnrolmentStatus status) {
        return enrolment.status() == status;
    }
}
