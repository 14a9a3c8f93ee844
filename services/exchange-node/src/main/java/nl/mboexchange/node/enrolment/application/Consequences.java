package nl.mboexchange.node.enrolment.application;

import static nl.mboexchange.node.shared.Require.present;

import java.util.List;
import nl.mboexchange.node.enrolment.Enrolment;
import nl.mboexchange.node.enrolment.EnrolmentRole;
import nl.mboexchange.node.enrolment.EnrolmentStatus;
import nl.mboexchange.node.enrolment.ExchangeEvent;
import nl.mboexchange.node.enrolment.timeline.TimelineEvent;

/**
 * What one transaction of an application service caused, handed as one value to the {@link ConsequenceSubscriber}s
 * after the changed enrolments are stored and before the transaction commits: each subscriber writes its part in the
 * same transaction, so that nothing of it is lost or written for a change that rolled back.
 *
 * @param changed the enrolments that changed, each once
 * @param entries the timeline entries, in the order they happened, each with who caused it
 * @param outgoing the exchange events to send to other schools, in the order they were registered
 */
public record Consequences(List<Enrolment> changed, List<Entry> entries, List<ExchangeEvent> outgoing) {

    public Consequences {
        changed = List.copyOf(changed);
        entries = List.copyOf(entries);
        outgoing = List.copyOf(outgoing);
    }

    /** Nothing changed, nothing to record and nothing to send. */
    public boolean isEmpty() {
        return changed.isEmpty() && entries.isEmpty() && outgoing.isEmpty();
    }

    /**
     * One timeline entry and what it left behind.
     *
     * @param timeline the entry for the enrolment's timeline
     * @param origin who caused it
     * @param role this node's side of the enrolment, or {@code null} for a refused event
     * @param status the enrolment's status right after the event, or {@code null} for a refused event; taken when the
     *     event happened, since later events of the same batch may change the enrolment again
     */
    public record Entry(TimelineEvent timeline, Origin origin, EnrolmentRole role, EnrolmentStatus status) {

        public Entry {
            present(timeline, "timeline");
            present(origin, "origin");
            if (timeline.applied()) {
                present(role, "role");
                present(status, "status");
            }
        }

        /** The enrolment sent the event, and is now as given. */
        static Entry sent(TimelineEvent timeline, Origin origin, Enrolment enrolment) {
            return new Entry(timeline, origin, enrolment.role(), enrolment.status());
        }

        /** The event changed its enrolment: sent, or received and applied. */
        public boolean applied() {
            return timeline.applied();
        }

        public ExchangeEvent event() {
            return timeline.event();
        }
    }
}
