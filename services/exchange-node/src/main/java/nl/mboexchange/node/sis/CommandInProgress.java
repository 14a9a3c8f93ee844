package nl.mboexchange.node.sis;

import java.util.function.Supplier;

/**
 * The SIS command being carried out on this thread. The updates a command causes are written deep inside the
 * application service, when it appends to the timeline; this lets them name the command they answer without the
 * service, which serves the REST API just the same, knowing about the SIS.
 */
final class CommandInProgress {

    private final ThreadLocal<Tracking> current = new ThreadLocal<>();

    /** Runs the work as the command; returns its result and how many updates it caused. */
    <T> Done<T> run(IssuedCommand command, Supplier<T> work) {
        Tracking tracking = new Tracking(command);
        current.set(tracking);
        try {
            T result = work.get();
            return new Done<>(result, tracking.updates);
        } finally {
            current.remove();
        }
    }

    /** The command being carried out on this thread, or {@code null} when none is. */
    IssuedCommand current() {
        Tracking tracking = current.get();
        return tracking == null ? null : tracking.command;
    }

    /** The command being carried out has caused this many more updates. */
    void caused(int updates) {
        Tracking tracking = current.get();
        if (tracking != null) {
            tracking.updates += updates;
        }
    }

    /**
     * A command carried out.
     *
     * @param result what the work returned
     * @param updates how many updates it caused
     */
    record Done<T>(T result, int updates) {}

    private static final class Tracking {
        private final IssuedCommand command;
        private int updates;

        Tracking(IssuedCommand command) {
            this.command = command;
        }
    }
}
