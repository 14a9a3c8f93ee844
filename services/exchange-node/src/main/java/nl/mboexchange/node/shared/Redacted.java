package nl.mboexchange.node.shared;

/**
 * A throwable as a log may show it: the classes of its chain and their stack traces, without their messages. The
 * message of an unforeseen exception can quote the values that caused it (a database's "Key (...)=(...)", a parser's
 * input), and those can be a student's personal data; logs carry ids only.
 */
public final class Redacted extends RuntimeException {

    private Redacted(Throwable original, Redacted cause) {
        super(original.getClass().getName() + " (message withheld)", cause, false, true);
        setStackTrace(original.getStackTrace());
    }

    /** The throwable's chain, each with its class and stack trace and no message. */
    public static Redacted of(Throwable throwable) {
        return redact(throwable, 0);
    }

    /** What a refusal of this node says is written without personal data; any other message is withheld. */
    public static String message(Throwable throwable) {
        return throwable instanceof Refusal
                ? throwable.getMessage()
                : throwable.getClass().getSimpleName();
    }

    private static Redacted redact(Throwable throwable, int depth) {
        Throwable cause = throwable.getCause();
        boolean deeper = cause != null && cause != throwable && depth < 20;
        return new Redacted(throwable, deeper ? redact(cause, depth + 1) : null);
    }
}
