package fi.avain.routes.security;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/** A bearer token refused for a reason of Avain's own, a fixed sentence that may go back to the caller. */
final class PortalTokenRejected extends OAuth2AuthenticationException {
    PortalTokenRejected(String reason) {
        super(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, reason, null), reason);
    }

    String reason() {
        return getError().getDescription();
    }
}
