package nl.mboexchange.node.course;

import nl.mboexchange.node.shared.InvalidInput;

/** A course code that is not an SBB keuzedeel code. */
public final class InvalidCourseCode extends InvalidInput {

    public InvalidCourseCode() {
        // Without the value: it comes from the wire, of any length, and the message goes into logs and dead-letter
        // headers.
        super("courseCode", "courseCode is not an SBB keuzedeel code (K followed by four digits, e.g. K0080)");
    }
}
