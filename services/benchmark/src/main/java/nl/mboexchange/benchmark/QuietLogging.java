package nl.mboexchange.benchmark;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * The driver's log levels. Without a configuration Logback logs everything at DEBUG, and the broker running in this
 * JVM would spend the benchmark's cores on writing it. The driver sets its levels in code rather than with a
 * {@code logback.xml}, because the nodes run on the same class path and must keep their own logging.
 */
public final class QuietLogging {

    private QuietLogging() {}

    /** Warnings and errors only. */
    public static void warningsOnly() {
        set(Level.WARN);
    }

    /** Nothing at all: for the broker's shutdown, whose complaints about its deleted directory mean nothing. */
    public static void off() {
        set(Level.OFF);
    }

    private static void set(Level level) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(level);
        }
    }
}
