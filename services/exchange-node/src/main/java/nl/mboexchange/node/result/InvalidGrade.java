package nl.mboexchange.node.result;

import nl.mboexchange.node.shared.InvalidInput;

/** A grade that is malformed, out of range, or not on the course's result scale. */
public final class InvalidGrade extends InvalidInput {

    public InvalidGrade(String message) {
        super("grade", message);
    }
}
