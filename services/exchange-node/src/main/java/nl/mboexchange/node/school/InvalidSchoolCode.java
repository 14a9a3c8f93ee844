package nl.mboexchange.node.school;

import nl.mboexchange.node.shared.InvalidInput;

/** A school code that is not two digits followed by two capital letters. */
public final class InvalidSchoolCode extends InvalidInput {

    public InvalidSchoolCode(String value) {
        super("schoolCode", "'" + value + "' is not a school code (two digits and two capital letters, e.g. 25LX)");
    }
}
