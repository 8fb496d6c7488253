package fi.avain.routes.messages;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling, for the audit: the authenticated principal's name, or "anonymous". */
public final class OperatorName {
    public static final String ANONYMOUS = "anonymous";

    private OperatorName() {
    }

    public static String current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken || authentication.getName() == null) {
            return ANONYMOUS;
        }
        return authentication.getName();
    }
}
