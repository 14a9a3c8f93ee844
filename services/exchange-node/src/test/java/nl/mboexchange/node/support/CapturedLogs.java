package nl.mboexchange.node.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Every line any logger of this JVM writes while attached, as an operator would read it: the message, its logger,
 * its key-value pairs and MDC, and every message and class of its exception chain.
 */
public final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();

    private CapturedLogs() {}

    /** Starts capturing at the root logger, so that every logger of every node in this JVM is heard. */
    public static CapturedLogs attach() {
        CapturedLogs logs = new CapturedLogs();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        logs.setContext(context);
        logs.setName("captured-for-test");
        logs.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(logs);
        return logs;
    }

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder line = new StringBuilder()
                .append(event.getLevel())
                .append(' ')
                .append(event.getLoggerName())
                .append(": ")
                .append(event.getFormattedMessage());
        if (event.getKeyValuePairs() != null) {
            event.getKeyValuePairs()
                    .forEach(pair ->
                            line.append(' ').append(pair.key).append('=').append(pair.value));
        }
        event.getMDCPropertyMap()
                .forEach(
                        (key, value) -> line.append(' ').append(key).append('=').append(value));
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            line.append(" | ").append(cause.getClassName()).append(": ").append(cause.getMessage());
            for (IThrowableProxy suppressed : cause.getSuppressed()) {
                line.append(" | suppressed ")
                        .append(suppressed.getClassName())
                        .append(": ")
                        .append(suppressed.getMessage());
            }
        }
        synchronized (lines) {
            lines.add(line.toString());
        }
    }

    /** The lines captured so far. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The lines that contain any of the values, ignoring case. */
    public List<String> linesContaining(List<String> values) {
        return lines().stream()
                .filter(line -> values.stream()
                        .anyMatch(value -> line.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT))))
                .toList();
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
        stop();
    }
}
