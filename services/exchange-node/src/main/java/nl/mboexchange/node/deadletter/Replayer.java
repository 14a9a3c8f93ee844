package nl.mboexchange.node.deadletter;

/** Takes a dead letter in again through the intake that refused it, without dead-lettering it a second time. */
public interface Replayer {

    /** The intake this replays for. */
    StoredDeadLetter.Source source();

    /**
     * Takes the record in as if it had just arrived.
     *
     * @return what became of it
     * @throws RuntimeException when the infrastructure is away; the dead letter stays open
     */
    ReplayOutcome replay(StoredDeadLetter letter);

    /**
     * What a replay found.
     *
     * @param taken whether the record was taken in now (applied, answered, or found applied before): the dead letter
     *     is closed
     * @param outcome what happened, for the operator, e.g. {@code APPLIED} or {@code REFUSED TransitionNotAllowed: ...}
     */
    record ReplayOutcome(boolean taken, String outcome) {}
}
