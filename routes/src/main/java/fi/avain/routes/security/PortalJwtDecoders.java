package fi.avain.routes.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.proc.SingleKeyJWSKeySelector;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestTemplate;

/**
 * The decoder of citizens' tokens: RS256 or ES256 signatures only (never {@code none} or an HMAC, so a
 * public key can never serve as a shared secret), checked against the issuer's JWK set or its one
 * public key, then {@link PortalTokenValidator}'s rules.
 */
final class PortalJwtDecoders {
    /** Plain JWTs and RFC 9068 access tokens; other kinds of JWT (events, logout tokens) are not access tokens. */
    private static final DefaultJOSEObjectTypeVerifier<SecurityContext> TYPES = new DefaultJOSEObjectTypeVerifier<>(
            JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), new JOSEObjectType("application/at+jwt"), null);

    private PortalJwtDecoders() {
    }

    /** The decoder, or null when no issuer and key are configured (then only API keys get in). */
    static JwtDecoder create(PortalSettings settings, Clock clock, ResourceLoader resources) {
        if (!settings.acceptsTokens()) {
            return null;
        }
        NimbusJwtDecoder decoder;
        if (settings.jwkSetUri() != null) {
            SimpleClientHttpRequestFactory http = new SimpleClientHttpRequestFactory();
            http.setConnectTimeout(Duration.ofSeconds(5));
            http.setReadTimeout(Duration.ofSeconds(10));
            decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256).jwsAlgorithm(SignatureAlgorithm.ES256)
                    .restOperations(new RestTemplate(http))
                    .jwtProcessorCustomizer(processor -> processor.setJWSTypeVerifier(TYPES))
                    .build();
        } else {
            PublicKey key = PortalKeys.publicKey(settings.publicKey(), resources);
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSKeySelector(new SingleKeyJWSKeySelector<>(
                    key instanceof RSAPublicKey ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256, key));
            // Time and issuer are PortalTokenValidator's, with the configured clock skew (as Spring's builders do).
            processor.setJWTClaimsSetVerifier((claims, context) -> { });
            processor.setJWSTypeVerifier(TYPES);
            decoder = new NimbusJwtDecoder(processor);
        }
        decoder.setJwtValidator(new PortalTokenValidator(settings, clock));
        return decoder;
    }
}
