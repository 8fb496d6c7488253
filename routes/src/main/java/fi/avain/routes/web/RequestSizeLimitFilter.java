package fi.avain.routes.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads it, a request body over {@code avain.http.max-request-size} (default
 * 1 MB) by its declared length (413), and a body in a content coding other than gzip (415). A body
 * sent chunked or gzip-coded is held to the limit by {@link RequestBodyReader}, once the caller has
 * been let in. Right after {@link RequestArrival}, which starts the card decision's clock.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeLimitFilter extends OncePerRequestFilter {
    private final long maxBytes;

    RequestSizeLimitFilter(@Value("${avain.http.max-request-size:1MB}") DataSize max) {
        this.maxBytes = max.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            BodyRefusal.write(request, response, 413, BodyRefusal.tooLarge(maxBytes));
            return;
        }
        if (RequestBodies.present(request) && ContentCoding.of(request) == ContentCoding.UNSUPPORTED) {
            BodyRefusal.write(request, response, 415, BodyRefusal.UNSUPPORTED_CODING);
            return;
        }
        chain.doFilter(request, response);
    }
}
