package nl.mboexchange.node.sis;

import java.util.List;
import nl.mboexchange.node.enrolment.application.ConsequenceSubscriber;
import nl.mboexchange.node.enrolment.application.Consequences;
import nl.mboexchange.node.enrolment.application.Origin;
import nl.mboexchange.node.outbox.OutboxRecord;
import nl.mboexchange.node.outbox.OutboxRepository;

/**
 * Tells the SIS what happened to this school's enrolments: an update on the school's events topic for every event an
 * enrolment sent or applied, written to the outbox in the same transaction, so never lost and never sent for a change
 * that rolled back. A refused incoming event changed nothing and is not reported. What a SIS command caused is that
 * command's answer, which {@link SisCommandHandler} writes in the order of the commands, with their rejections.
 */
final class SisFeed implements ConsequenceSubscriber {

    private final OutboxRepository outbox;
    private final SisUpdates updates;

    SisFeed(OutboxRepository outbox, SisUpdates updates) {
        this.outbox = outbox;
        this.updates = updates;
    }

    @Override
    public void follow(Consequences consequences) {
        List<OutboxRecord> records = consequences.entries().stream()
                .filter(Consequences.Entry::applied)
                .filter(entry -> !(entry.origin() instanceof Origin.SisCommand))
                .map(updates::of)
                .toList();
        outbox.enqueue(records);
    }
}
