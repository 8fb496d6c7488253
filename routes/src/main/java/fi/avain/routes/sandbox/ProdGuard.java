package fi.avain.routes.sandbox;

import fi.avain.routes.security.PortalSettings;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Under the prod profile, refuses to start on the sandbox's defaults: an H2 or missing database,
 * simulators, or citizen tokens without a real issuer to check them against. Failing here, before anything connects, gives one clear message instead of a
 * half-started server.
 */
final class ProdGuard {
    private ProdGuard() {
    }

    static void check(ConfigurableEnvironment environment) {
        if (!SandboxEnvironment.anyProfile(environment, "prod")) {
            return;
        }
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.isBlank()) {
            throw new IllegalStateException("The prod profile needs PostgreSQL: set AVAIN_DB_URL "
                    + "(jdbc:postgresql://host:5432/avain), AVAIN_DB_USER and AVAIN_DB_PASSWORD.");
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("The prod profile runs on PostgreSQL only; AVAIN_DB_URL must start with "
                    + "jdbc:postgresql: (the H2 database is for the sandbox).");
        }
        if (environment.getProperty("avain.sandbox.enabled", Boolean.class, false)) {
            throw new IllegalStateException("The prod profile cannot run the sandbox simulators; "
                    + "remove avain.sandbox.enabled=true.");
        }
        for (String key : SandboxEnvironment.CONNECTOR_URL_KEYS.values()) {
            String value = environment.getProperty(key, "");
            if (value.isBlank()) {
                throw new IllegalStateException("The prod profile needs " + key + " (the real system's URL).");
            }
        }
        checkPortalIssuer(environment);
    }

    private static void checkPortalIssuer(ConfigurableEnvironment environment) {
        String issuer = environment.getProperty("avain.portal.issuer", "").strip();
        if (issuer.isEmpty()) {
            throw new IllegalStateException("The prod profile needs AVAIN_PORTAL_ISSUER (avain.portal.issuer): the "
                    + "issuer (iss) of the citizen portal's access tokens.");
        }
        if (issuer.equals(PortalSettings.SANDBOX_ISSUER)) {
            throw new IllegalStateException("The prod profile cannot accept the sandbox's own tokens; set "
                    + "AVAIN_PORTAL_ISSUER to the portal's identity provider.");
        }
        if (environment.getProperty("avain.portal.jwk-set-uri", "").isBlank()
                && environment.getProperty("avain.portal.public-key", "").isBlank()) {
            throw new IllegalStateException("The prod profile needs the portal issuer's signing keys: "
                    + "AVAIN_PORTAL_JWK_SET_URI (its JWK set URL; keys rotate there) or AVAIN_PORTAL_PUBLIC_KEY "
                    + "(a PEM public key, or file:/path/to/key.pem).");
        }
    }
}
