package nl.mboexchange.node.school;

import nl.mboexchange.node.shared.InvalidInput;

/** A school code that is not two digits followed by two capital letters. */
public final class InvalidSchoolCode extends InvalidInput {

    public InvalidSchoolCode() {
        // Without the value: it comes from the wire, of any length, and the message goes into logs and dead-letter
        // headers.
        super("schoolCode", "schoolCode is not a school code (two digits and two capital letters, e.g. 25LX)");
    }
}
