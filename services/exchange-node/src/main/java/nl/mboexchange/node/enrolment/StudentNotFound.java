package nl.mboexchange.node.enrolment;

import java.util.UUID;
import nl.mboexchange.node.shared.NotFound;

/** This school requested no enrolment for a student with this exchange id. */
public final class StudentNotFound extends NotFound {

    public StudentNotFound(UUID exchangeId) {
        super("this school requested no enrolment for student " + exchangeId);
    }
}
