package nl.mboexchange.node.enrolment.application;

import java.util.List;
import nl.mboexchange.node.enrolment.Enrolment;
import nl.mboexchange.node.enrolment.EnrolmentStatus;
import nl.mboexchange.node.shared.Refusal;

/** What became of one command of a batch ({@link EnrolmentService#executeAll}): carried out, or refused. */
public sealed interface CommandOutcome {

    EnrolmentCommand command();

    /**
     * The command was carried out: it changed its enrolment, or found it already as it asks.
     *
     * @param command the command
     * @param enrolment the enrolment it was carried out on; later commands of the same batch may have changed it
     *     further
     * @param status the enrolment's status right after this command
     * @param sent the events this command sent, as they were added to the timeline and with who sent them; empty when the enrolment was
     *     already as the command asks
     */
    record Carried(EnrolmentCommand command, Enrolment enrolment, EnrolmentStatus status, List<Consequences.Entry> sent)
            implements CommandOutcome {

        public Carried {
            sent = List.copyOf(sent);
        }

        /** The enrolment was already as the command asks, so nothing was changed or sent. */
        public boolean changedNothing() {
            return sent.isEmpty();
        }
    }

    /**
     * The domain refused the command; it changed nothing.
     *
     * @param command the command
     * @param refusal why
     */
    record Refused(EnrolmentCommand command, Refusal refusal) implements CommandOutcome {}
}
