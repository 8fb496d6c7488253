package fi.avain.routes.security;

import fi.avain.mappings.model.Hetu;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;

/**
 * The rules a signed citizen token must meet. Each failure is a fixed sentence naming the claim,
 * never its value: the sentence goes back to the caller and may reach a log.
 */
final class PortalTokenValidator implements OAuth2TokenValidator<Jwt> {
    private final PortalSettings settings;
    private final Clock clock;

    PortalTokenValidator(PortalSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        String problem = problem(jwt);
        return problem == null ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, problem, null));
    }

    private String problem(Jwt jwt) {
        Instant now = clock.instant();
        Instant expires = jwt.getExpiresAt();
        if (expires == null) {
            return "the token has no expiry time (exp)";
        }
        if (!now.isBefore(expires.plus(settings.clockSkew()))) {
            return "the token has expired (exp)";
        }
        Instant notBefore = jwt.getNotBefore();
        if (notBefore != null && now.isBefore(notBefore.minus(settings.clockSkew()))) {
            return "the token is not valid yet (nbf)";
        }
        if (!settings.issuer().equals(jwt.getClaimAsString(JwtClaimNames.ISS))) {
            return "the token is from another issuer (iss)";
        }
        if (settings.audience() != null) {
            List<String> audience = jwt.getAudience();
            if (audience == null || !audience.contains(settings.audience())) {
                return "the token is meant for another audience (aud)";
            }
        }
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank()) {
            return "the token has no subject (sub)";
        }
        if (Hetu.isValid(subject)) {
            // The subject is what the audit records; an identity code must never be stored there.
            return "the token's subject (sub) must be the issuer's id of the person, not an identity code";
        }
        String code = claim(jwt, settings.identityClaim());
        if (code == null) {
            return "the token has no identity code claim (" + settings.identityClaim() + ")";
        }
        if (!Hetu.isValid(code)) {
            return "the token's identity code claim (" + settings.identityClaim() + ") is not a valid identity code";
        }
        if (claim(jwt, settings.tenantClaim()) == null) {
            return "the token has no tenant claim (" + settings.tenantClaim() + ")";
        }
        return null;
    }

    /** A claim's text, or null when it is missing, blank or not text. */
    static String claim(Jwt jwt, String name) {
        Object value = jwt.getClaims().get(name);
        return value instanceof String text && !text.isBlank() ? text.strip() : null;
    }
}
