package fi.avain.routes.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import fi.avain.routes.messages.PersonalDataMasker;

/**
 * {@code %maskedMsg}: the log message with identity codes masked, whoever logged it. Our own code
 * logs none, but a library may log a value it was given (a file name, a parameter, a header).
 */
public final class MaskedMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return PersonalDataMasker.maskOutsideIds(super.convert(event));
    }
}
