package nl.mboexchange.benchmark;

/** How the module's programs end: with their own status, or 2 when they failed, and every server stopped. */
public final class ProgramExit {

    private ProgramExit() {}

    /** Runs the program, then exits the JVM with the status it returned, or 2 when it threw. */
    public static void after(Program program) {
        int status;
        try {
            status = program.run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 2;
        }
        // The broker's threads would keep the JVM alive; exiting runs the hooks that stop every server.
        QuietLogging.off();
        System.exit(status);
    }

    /** A program's work; returns its exit status. */
    @FunctionalInterface
    public interface Program {
        int run() throws Exception;
    }
}
