package nl.mboexchange.node.enrolment.application;

import java.time.Instant;
import java.util.Collection;
import nl.mboexchange.node.enrolment.EnrolmentId;

/** Where this node keeps a student's personal data beside the enrolment itself, and how it is erased from there. */
public interface PersonalData {

    /**
     * Erases the student's given name, family name, date of birth and e-mail address of these enrolments from every
     * place this node keeps them: the enrolment, its timeline (summaries and details), the kept answers to commands
     * that hold the enrolment, its dead letters and its outbox messages held as unsendable. The exchange id and the
     * results stay. Runs in the caller's transaction, after the enrolments themselves were stored.
     */
    void erase(Collection<EnrolmentId> enrolments, Instant at);
}
