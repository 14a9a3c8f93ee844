package nl.mboexchange.node.deadletter;

import java.util.UUID;

/**
 * A record to add to the worklist; see {@link StoredDeadLetter} for the fields.
 */
public record NewDeadLetter(
        StoredDeadLetter.Source source,
        String topic,
        int partition,
        long offset,
        String key,
        UUID eventId,
        String reason,
        String code,
        String detail,
        byte[] value) {}
