package nl.mboexchange.node.course;

import nl.mboexchange.node.shared.InvalidInput;

/** A course code that is not an SBB keuzedeel code. */
public final class InvalidCourseCode extends InvalidInput {

    public InvalidCourseCode(String value) {
        super("courseCode", "'" + value + "' is not an SBB keuzedeel code (K followed by four digits, e.g. K0080)");
    }
}
