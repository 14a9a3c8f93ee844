package nl.mboexchange.node.shared;

/**
 * What a {@link Refusal} comes to on each surface of the node, in one table: the HTTP status and title of the REST
 * API's problem details, the {@code RejectionKind} of the SIS contract's {@code CommandRejected}, and the reason a
 * refused incoming event is dead-lettered with. Each adapter maps a refusal through here, and nowhere else.
 */
public enum RefusalOutcome {
    /** {@link InvalidInput}: the input itself is wrong. */
    INVALID(400, "Invalid input", "INVALID"),
    /** {@link NotFound}: what it refers to does not exist here. */
    NOT_FOUND(404, "Not found", "NOT_FOUND"),
    /** {@link ConflictWithState}: the state does not allow it. */
    CONFLICT(409, "Not allowed in the current state", "CONFLICT");

    /**
     * The dead-letter reason of every refused incoming event, whatever its kind: a record that decoded and passed the
     * channel's checks, which the enrolment's state or the domain's rules did not allow. The refusal's code goes with
     * it.
     */
    public static final String DEAD_LETTER_REASON = "REFUSED";

    private final int httpStatus;
    private final String title;
    private final String sisRejectionKind;

    RefusalOutcome(int httpStatus, String title, String sisRejectionKind) {
        this.httpStatus = httpStatus;
        this.title = title;
        this.sisRejectionKind = sisRejectionKind;
    }

    /** The outcome of a refusal, by its kind. */
    public static RefusalOutcome of(Refusal refusal) {
        if (refusal instanceof NotFound) {
            return NOT_FOUND;
        }
        if (refusal instanceof ConflictWithState) {
            return CONFLICT;
        }
        return INVALID;
    }

    /** The REST API's status code. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The title of the REST API's problem details. */
    public String title() {
        return title;
    }

    /** The name of the SIS contract's {@code RejectionKind}. */
    public String sisRejectionKind() {
        return sisRejectionKind;
    }
}
