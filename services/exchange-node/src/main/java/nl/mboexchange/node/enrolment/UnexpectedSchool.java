package nl.mboexchange.node.enrolment;

import nl.mboexchange.node.school.SchoolCode;
import nl.mboexchange.node.shared.InvalidInput;

/** An event names a sender or recipient that is not the enrolment's counterpart or this school: forged or astray. */
public final class UnexpectedSchool extends InvalidInput {

    public UnexpectedSchool(String field, SchoolCode actual, SchoolCode expected) {
        super(field, field + " is " + actual + " but must be " + expected);
    }
}
