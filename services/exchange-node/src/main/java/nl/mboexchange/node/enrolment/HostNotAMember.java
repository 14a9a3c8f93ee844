package nl.mboexchange.node.enrolment;

import nl.mboexchange.node.school.SchoolCode;
import nl.mboexchange.node.shared.InvalidInput;

/** An enrolment is requested at a school that is not a member of the network. */
public final class HostNotAMember extends InvalidInput {

    public HostNotAMember(SchoolCode host) {
        super("hostSchool", "hostSchool " + host + " is not a member of the network");
    }
}
