package fi.avain.routes.logging;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import fi.avain.routes.messages.PersonalDataMasker;

/** {@code %maskedEx}: a stack trace with identity codes masked in every exception message it holds. */
public final class MaskedThrowableConverter extends ExtendedThrowableProxyConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return PersonalDataMasker.maskOutsideIds(super.convert(event));
    }
}
