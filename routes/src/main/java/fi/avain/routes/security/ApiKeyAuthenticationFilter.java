package fi.avain.routes.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <api key>} against the configured keys. A missing or
 * unknown key leaves the request anonymous, and the authorization rules answer 401. The caller is kept
 * as {@code /fhir} keeps it ({@link PortalCallers}), so the audit knows the key's role as well as its name.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {
    private final ApiKeys keys;

    ApiKeyAuthenticationFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            keys.match(header.substring(7)).ifPresent(caller -> SecurityContextHolder.getContext().setAuthentication(
                    new PortalAuthentication(caller, caller.authorities())));
        }
        chain.doFilter(request, response);
    }
}
