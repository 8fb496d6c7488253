package fi.avain.routes.web;

import java.io.IOException;

/** A request body without a declared length that went over the size limit as it was read. */
public final class RequestTooLargeException extends IOException {
    RequestTooLargeException(long maxBytes) {
        super(describe(maxBytes));
    }

    /** What every refusal of an oversize body says, whichever kind of caller gets it. */
    static String describe(long maxBytes) {
        return "The request body may be at most " + maxBytes + " bytes.";
    }
}
