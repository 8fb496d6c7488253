package fi.avain.routes.security;

import fi.avain.routes.web.OperationOutcomes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 on {@code /fhir} as an OperationOutcome ({@code login}) saying what to send. A refused token's
 * reason is told only when it is one of Avain's own fixed sentences; decoder messages are not passed
 * on, since they can quote parts of the token.
 */
final class PortalAuthenticationEntryPoint implements AuthenticationEntryPoint {
    static final String WHAT_TO_SEND = "Send 'Authorization: Bearer <token>' with the citizen's access token from "
            + "the portal's identity provider, or an operator's or integrator's API key.";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof PortalAuthenticationManager.PortalIssuerUnavailable) {
            response.setHeader("Retry-After", "30");
            OperationOutcomes.write(response, 503, "transient", "The bearer token could not be checked: the "
                    + "identity provider's keys could not be fetched. Try again shortly.");
            return;
        }
        String reason = reason(e);
        if (reason == null) {
            response.setHeader("WWW-Authenticate", "Bearer");
            OperationOutcomes.write(response, 401, "login", "Authentication is required. " + WHAT_TO_SEND);
        } else {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            OperationOutcomes.write(response, 401, "login",
                    "The bearer token was not accepted: " + reason + ". " + WHAT_TO_SEND);
        }
    }

    /** Why a presented token was refused, or null when none was presented. */
    private static String reason(AuthenticationException e) {
        if (e instanceof PortalTokenRejected rejected) {
            return rejected.reason();
        }
        if (!(e instanceof InvalidBearerTokenException)) {
            return null;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JwtValidationException invalid && !invalid.getErrors().isEmpty()) {
                // PortalTokenValidator's sentences, the only validator the decoder runs.
                return invalid.getErrors().iterator().next().getDescription();
            }
        }
        return "it is no API key, nor a token signed with the configured issuer's key (RS256 or ES256)";
    }
}
