package fi.avain.routes.security;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A system calling with an API key.
 *
 * @param role the key's role, lower case ({@code operator}, {@code integrator}, ...)
 * @param principal the key's name, such as {@code operator-key-1}; never the key
 */
public record ApiKeyCaller(String role, String principal) implements Caller {
    public ApiKeyCaller {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(principal, "principal");
    }

    @Override
    public String actor() {
        return principal;
    }

    List<GrantedAuthority> authorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT)));
    }
}
