package nl.mboexchange.localnetwork;

/** A server of the local network did not start; the message says which and why, for the user. */
final class StartFailed extends RuntimeException {

    StartFailed(String message) {
        super(message);
    }

    StartFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
