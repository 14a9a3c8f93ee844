package nl.mboexchange.node.sis;

import java.util.function.Supplier;

/**
 * Whether SIS commands are being carried out on this thread. The updates an enrolment's change causes are written
 * deep inside the application service, when it appends to the timeline; while the SIS handler carries out a batch of
 * commands, it writes those updates itself, each naming the command it answers, and the timeline leaves them to it.
 * The service, which serves the REST API just the same, need not know about the SIS.
 */
final class CommandInProgress {

    private final ThreadLocal<Boolean> answeredByHandler = new ThreadLocal<>();

    /** Runs the work, whose updates the caller writes itself. */
    <T> T run(Supplier<T> work) {
        answeredByHandler.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            answeredByHandler.remove();
        }
    }

    /** SIS commands are being carried out on this thread, and their handler writes their updates. */
    boolean active() {
        return answeredByHandler.get() != null;
    }
}
