package fi.avain.routes.web;

import jakarta.servlet.http.HttpServletRequest;

/** For endpoints that take everything in the query string: whether a request came with a body anyway. */
public final class RequestBodies {
    private RequestBodies() {
    }

    /** A body of a declared length above zero, or one sent chunked. */
    public static boolean present(HttpServletRequest request) {
        return ContentCoding.hasBody(request);
    }
}
