package fi.avain.routes.web;

import java.io.IOException;

/** A request body without a declared length that went over the size limit as it was read. */
public final class RequestTooLargeException extends IOException {
    RequestTooLargeException(long maxBytes) {
        super("The request body may be at most " + maxBytes + " bytes.");
    }
}
