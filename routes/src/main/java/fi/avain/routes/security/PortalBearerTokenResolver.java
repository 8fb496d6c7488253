package fi.avain.routes.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The one {@code Authorization: Bearer} header. Unlike Spring's default resolver it takes any
 * characters, as API keys may hold any, and it never reads tokens from query parameters (they end up in
 * access logs). Open endpoints ignore a token, so a stale one does not turn them into a 401.
 */
final class PortalBearerTokenResolver implements BearerTokenResolver {
    private final RequestMatcher open;

    PortalBearerTokenResolver(RequestMatcher open) {
        this.open = open;
    }

    @Override
    public String resolve(HttpServletRequest request) {
        if (open.matches(request)) {
            return null;
        }
        Enumeration<String> headers = request.getHeaders("Authorization");
        if (headers == null || !headers.hasMoreElements()) {
            return null;
        }
        String header = headers.nextElement();
        if (headers.hasMoreElements()) {
            throw new PortalTokenRejected("send one Authorization header, not several");
        }
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        if (token.isEmpty()) {
            throw new PortalTokenRejected("the bearer token is empty");
        }
        return token;
    }
}
