package nl.mboexchange.node.enrolment.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.mboexchange.node.enrolment.ExchangeEvent;

/** The ids of the events this node has received, so that a redelivered event changes nothing. */
public interface ProcessedEvents {

    /**
     * Records the events as received, in one statement, and returns the ids that were not received before, or were
     * refused before: a refused event is tried again, an applied one never. When
     * another transaction is claiming the same id, this waits for it: the id is then either claimed here (the other
     * rolled back) or not (it committed).
     */
    Set<UUID> claim(List<? extends ExchangeEvent> events, Instant at);

    /** Among these ids of earlier received events, the ones that were refused, with their refusal. */
    Map<UUID, EventOutcome.Refused> refusalsAmong(Collection<UUID> eventIds);

    /** Records that the claimed events were refused, and why. */
    void recordRefusals(Collection<EventOutcome.Refused> refusals);
}
