package fi.avain.routes.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** How a request body is coded on the wire ({@code Content-Encoding}): as is, gzip, or something this server cannot read. */
enum ContentCoding {
    IDENTITY, GZIP, UNSUPPORTED;

    /** A body coded more than once, or in anything but gzip, is one this server cannot read. */
    static ContentCoding of(HttpServletRequest request) {
        if (request.getHeader("Content-Encoding") == null) {
            return IDENTITY;
        }
        List<String> codings = Collections.list(request.getHeaders("Content-Encoding")).stream()
                .flatMap(header -> Arrays.stream(header.split(",")))
                .map(coding -> coding.trim().toLowerCase(Locale.ROOT))
                .filter(coding -> !coding.isEmpty() && !coding.equals("identity"))
                .toList();
        if (codings.isEmpty()) {
            return IDENTITY;
        }
        if (codings.size() == 1 && (codings.get(0).equals("gzip") || codings.get(0).equals("x-gzip"))) {
            return GZIP;
        }
        return UNSUPPORTED;
    }
}
