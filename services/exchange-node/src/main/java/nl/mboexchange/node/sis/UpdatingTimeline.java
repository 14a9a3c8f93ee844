package nl.mboexchange.node.sis;

import java.util.List;
import nl.mboexchange.node.enrolment.EnrolmentId;
import nl.mboexchange.node.outbox.OutboxRecord;
import nl.mboexchange.node.outbox.OutboxRepository;
import nl.mboexchange.node.timeline.Timeline;
import nl.mboexchange.node.timeline.TimelineEntry;
import nl.mboexchange.node.timeline.TimelineEvent;

/**
 * The timeline, which also tells the SIS. Every event an enrolment sends or applies is appended to its timeline, by
 * the registrar's and the SIS's commands and by the events of other schools alike; so every such append is also an
 * update for this school's events topic, written to the outbox in the same transaction: never lost, and never sent
 * for a change that rolled back. A refused incoming event changed nothing and is not reported.
 */
final class UpdatingTimeline implements Timeline {

    private final Timeline stored;
    private final OutboxRepository outbox;
    private final SisUpdates updates;
    private final CommandInProgress inProgress;

    UpdatingTimeline(Timeline stored, OutboxRepository outbox, SisUpdates updates, CommandInProgress inProgress) {
        this.stored = stored;
        this.outbox = outbox;
        this.updates = updates;
        this.inProgress = inProgress;
    }

    @Override
    public void append(List<TimelineEvent> events) {
        stored.append(events);
        if (inProgress.active()) {
            // The SIS handler writes these updates itself, each with the command it answers.
            return;
        }
        List<OutboxRecord> records = events.stream()
                .filter(TimelineEvent::applied)
                .map(event -> updates.of(event, null))
                .toList();
        outbox.enqueueRecords(records);
    }

    @Override
    public List<TimelineEntry> of(EnrolmentId enrolmentId) {
        return stored.of(enrolmentId);
    }
}
