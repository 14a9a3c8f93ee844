package nl.mboexchange.node.shared;

/**
 * The domain refuses a command or an incoming event. Nothing has changed when one is thrown: every state change
 * checks all its rules before it changes anything.
 *
 * <p>The subclasses say what kind of refusal it is, so that each adapter maps them once: bad input, something that
 * does not exist, or a state that does not allow the change.
 */
public abstract class Refusal extends RuntimeException {

    protected Refusal(String message) {
        super(message, null, false, false);
    }

    /** A short, stable name of the refusal, e.g. {@code TransitionNotAllowed}, for logs and dead-letter headers. */
    public String code() {
        return getClass().getSimpleName();
    }
}
