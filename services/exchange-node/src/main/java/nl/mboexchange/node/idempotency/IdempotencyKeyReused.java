package nl.mboexchange.node.idempotency;

/** The idempotency key was used before for a different request. */
public final class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(String key) {
        super("idempotency key '" + key + "' was used before for a different request", null, false, false);
    }
}
