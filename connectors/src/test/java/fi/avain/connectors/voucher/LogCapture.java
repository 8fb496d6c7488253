package fi.avain.connectors.voucher;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Collects every log line in memory while it is open, with the given loggers turned up to DEBUG, and
 * keeps them off the console.
 */
final class LogCapture implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();
    private final Map<Logger, Level> levels = new HashMap<>();

    LogCapture(String... debugLoggers) {
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            detached.add(it.next());
        }
        detached.forEach(root::detachAppender);
        appender.start();
        root.addAppender(appender);
        for (String name : debugLoggers) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            levels.put(logger, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
    }

    /** Every message and every exception message (causes included) logged so far. */
    List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(appender.list)) {
            texts.add(event.getFormattedMessage());
            for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
                texts.add(thrown.getClassName() + ": " + thrown.getMessage());
            }
        }
        return texts;
    }

    @Override
    public void close() {
        levels.forEach(Logger::setLevel);
        root.detachAppender(appender);
        detached.forEach(root::addAppender);
    }
}
