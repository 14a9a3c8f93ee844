package nl.mboexchange.node.disclosure;

import java.util.UUID;
import nl.mboexchange.node.shared.NotFound;

/** This school never requested an enrolment for a student with this exchange id, so it sent their data nowhere. */
public final class StudentNotDisclosed extends NotFound {

    public StudentNotDisclosed(UUID exchangeId) {
        super("this school requested no enrolment for student " + exchangeId);
    }
}
