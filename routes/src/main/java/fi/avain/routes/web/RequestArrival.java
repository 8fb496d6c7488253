package fi.avain.routes.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Notes when a request reached the application, before any other filter, so that a deadline (the card
 * decision's) counts the time spent queued in the server too: under overload a request that waited
 * past its deadline is declined at once instead of being decided for a processor that gave up.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestArrival extends OncePerRequestFilter {
    public static final String ATTRIBUTE = "avain.arrivedNanos";

    /** {@link System#nanoTime()} when the request arrived, or now when it was not noted. */
    public static long of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Long arrived ? arrived : System.nanoTime();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(ATTRIBUTE, System.nanoTime());
        chain.doFilter(request, response);
    }
}
