package nl.mboexchange.node.console;

import nl.mboexchange.node.enrolment.Enrolment;

/** What became of a registrar's command in the console. */
public sealed interface Outcome {

    /** Carried out. */
    record Done(Enrolment enrolment) implements Outcome {}

    /** Refused for bad input; the errors are on the form's fields. */
    record Invalid() implements Outcome {}

    /**
     * Refused because the enrolment's state does not allow it, or it does not exist.
     *
     * @param explanation what happened and what to do, in the registrar's language
     * @param detail the node's own account, in English, for a support question
     */
    record Conflict(String explanation, String detail) implements Outcome {}
}
