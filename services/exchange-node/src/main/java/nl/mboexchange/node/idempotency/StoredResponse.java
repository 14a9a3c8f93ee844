package nl.mboexchange.node.idempotency;

/**
 * The response to a command, kept for its idempotency key.
 *
 * @param status the HTTP status
 * @param location the Location header of a created resource, or {@code null}
 * @param body the response body as JSON
 * @param replayed this is the response of an earlier submission, not of this one
 */
public record StoredResponse(int status, String location, String body, boolean replayed) {}
