package fi.avain.routes.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code avain.portal.*}: how citizens' tokens on {@code /fhir} are checked, which web apps' origins may call
 * it from a browser, and how long the portal's audit is kept.
 *
 * @param issuer the {@code iss} every token must carry
 * @param jwkSetUri the issuer's JWK set, fetched and cached (keys rotate there); or
 * @param publicKey the issuer's public key (RSA, or EC P-256): PEM text, or a {@code file:} or
 *        {@code classpath:} location of a PEM file
 * @param audience when set, every token's {@code aud} must contain it
 * @param identityClaim the claim holding the person's identity code
 * @param tenantClaim the claim holding the wellbeing services county
 * @param clockSkew how far {@code exp} and {@code nbf} may be off the server's clock
 * @param tokenLifetime how long the sandbox's own tokens are valid
 * @param auditRetention how long audit events are kept by the retention job
 * @param allowedOrigins the origins of the portal's web apps that browsers may let call {@code /fhir} (CORS);
 *        none by default, when only servers and native apps call it
 */
@ConfigurationProperties("avain.portal")
public record PortalSettings(
        String issuer,
        String jwkSetUri,
        String publicKey,
        String audience,
        @DefaultValue("hetu") String identityClaim,
        @DefaultValue("tenant") String tenantClaim,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue("P30D") Duration tokenLifetime,
        @DefaultValue("P2Y") Period auditRetention,
        List<String> allowedOrigins) {

    /** The issuer of the sandbox's own tokens; refused under the prod profile. */
    public static final String SANDBOX_ISSUER = "urn:avain:sandbox-issuer";

    public PortalSettings {
        issuer = blankToNull(issuer);
        jwkSetUri = blankToNull(jwkSetUri);
        publicKey = blankToNull(publicKey);
        audience = blankToNull(audience);
        identityClaim = identityClaim == null || identityClaim.isBlank() ? "hetu" : identityClaim.strip();
        tenantClaim = tenantClaim == null || tenantClaim.isBlank() ? "tenant" : tenantClaim.strip();
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
        tokenLifetime = tokenLifetime == null ? Duration.ofDays(30) : tokenLifetime;
        auditRetention = auditRetention == null ? Period.ofYears(2) : auditRetention;
        allowedOrigins = allowedOrigins == null ? List.of() : allowedOrigins.stream().filter(o -> o != null && !o.isBlank())
                .map(String::strip).map(PortalSettings::origin).distinct().toList();
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("avain.portal.clock-skew must not be negative");
        }
        if (jwkSetUri != null && publicKey != null) {
            throw new IllegalArgumentException("Set one of avain.portal.jwk-set-uri and avain.portal.public-key, "
                    + "not both.");
        }
    }

    /** Whether tokens can be checked at all: an issuer and a key to check them with. */
    public boolean acceptsTokens() {
        return issuer != null && (jwkSetUri != null || publicKey != null);
    }

    /**
     * A browser origin the portal's web app is served from, {@code scheme://host[:port]}: no path, no
     * wildcard, since every such origin may read any citizen's data with that citizen's token.
     */
    private static String origin(String text) {
        String why = "avain.portal.allowed-origins: '" + text + "' is not an origin such as https://oma.example.fi";
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(why);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getUserInfo() != null
                || uri.getQuery() != null || uri.getFragment() != null || !(path.isEmpty() || path.equals("/"))) {
            throw new IllegalArgumentException(why);
        }
        // as browsers send it: no default port
        boolean defaultPort = uri.getPort() == -1 || uri.getPort() == (scheme.equals("https") ? 443 : 80);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + uri.getPort());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
