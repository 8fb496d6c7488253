package fi.avain.routes.security;

import fi.avain.mappings.model.Hetu;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * One bearer token on {@code /fhir}: an API key when it is one of the configured keys (so a key never
 * reaches the JWT decoder), otherwise a citizen's JWT.
 */
final class PortalAuthenticationManager implements AuthenticationManager {
    private final ApiKeys keys;
    private final JwtAuthenticationProvider jwt;

    /** @param decoder null when no issuer is configured: then every token that is not an API key is refused */
    PortalAuthenticationManager(ApiKeys keys, JwtDecoder decoder, PortalSettings settings) {
        this.keys = keys;
        if (decoder == null) {
            this.jwt = null;
        } else {
            this.jwt = new JwtAuthenticationProvider(decoder);
            this.jwt.setJwtAuthenticationConverter(token -> citizen(token, settings));
        }
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        Optional<ApiKeyCaller> key = keys.match(token);
        if (key.isPresent()) {
            return new PortalAuthentication(key.get(), key.get().authorities());
        }
        if (jwt == null) {
            throw new PortalTokenRejected("it is no API key, and this server accepts no citizen tokens "
                    + "(no avain.portal issuer and key are configured)");
        }
        try {
            return jwt.authenticate(authentication);
        } catch (AuthenticationServiceException e) {
            // The issuer's JWK set could not be fetched: not the caller's fault, so not a 401.
            throw new PortalIssuerUnavailable(e);
        }
    }

    /** The validator has already checked the claims, so the parses below cannot fail on a valid token. */
    private static PortalAuthentication citizen(Jwt token, PortalSettings settings) {
        Citizen citizen = new Citizen(token.getSubject(), PortalTokenValidator.claim(token, settings.tenantClaim()),
                Hetu.parse(PortalTokenValidator.claim(token, settings.identityClaim())));
        return new PortalAuthentication(citizen, List.of(new SimpleGrantedAuthority("ROLE_CITIZEN")));
    }

    /** The token could not be checked because the issuer's keys could not be fetched. */
    static final class PortalIssuerUnavailable extends AuthenticationException {
        PortalIssuerUnavailable(Throwable cause) {
            super("the issuer's keys could not be fetched", cause);
        }
    }
}
