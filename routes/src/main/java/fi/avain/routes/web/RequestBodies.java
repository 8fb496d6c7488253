package fi.avain.routes.web;

import jakarta.servlet.http.HttpServletRequest;

/** Whether a request came with a body, before anything reads it. */
public final class RequestBodies {
    private RequestBodies() {
    }

    /** A body of a declared length above zero, or one sent chunked. */
    public static boolean present(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || isChunked(request);
    }

    /** A body whose length is known only once it has been read. */
    static boolean isChunked(HttpServletRequest request) {
        return request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null;
    }
}
