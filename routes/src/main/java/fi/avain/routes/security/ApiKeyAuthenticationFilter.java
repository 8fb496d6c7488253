package fi.avain.routes.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <api key>} against the configured keys. Keys are
 * compared as SHA-256 digests in constant time; the principal is named after the role and the
 * key's position, never the key. A missing or unknown key leaves the request anonymous, and the
 * authorization rules answer 401.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {
    private record Key(byte[] digest, String role, String principal) {
    }

    private final List<Key> keys = new ArrayList<>();

    ApiKeyAuthenticationFilter(SecuritySettings settings) {
        settings.apiKeys().forEach((role, values) -> {
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i);
                if (value != null && !value.isBlank()) {
                    keys.add(new Key(digest(value.strip()), role.toLowerCase(Locale.ROOT), role + "-key-" + (i + 1)));
                }
            }
        });
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            byte[] presented = digest(header.substring(7).strip());
            Key match = null;
            for (Key key : keys) {
                if (MessageDigest.isEqual(key.digest(), presented)) {
                    match = key;
                }
            }
            if (match != null) {
                var authentication = new UsernamePasswordAuthenticationToken(match.principal(), null,
                        List.of(new SimpleGrantedAuthority("ROLE_" + match.role().toUpperCase(Locale.ROOT))));
                SecurityContextHolder.getContext().setAuthentication(authentication);
            }
        }
        chain.doFilter(request, response);
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
