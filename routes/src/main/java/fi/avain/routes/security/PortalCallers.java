package fi.avain.routes.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the {@code /fhir} or {@code /api} request this thread serves, as its security chain authenticated it. */
public final class PortalCallers {
    private PortalCallers() {
    }

    /**
     * The caller; throws when there is none, which means the code runs outside an authenticated
     * request (the chains answer 401 before any provider or controller runs).
     */
    public static Caller current() {
        return find().orElseThrow(() -> new IllegalStateException(
                "no authenticated caller on this thread"));
    }

    /** The caller, or empty outside an authenticated request (such as {@code /fhir/metadata}). */
    public static Optional<Caller> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof Caller caller) {
            return Optional.of(caller);
        }
        return Optional.empty();
    }
}
