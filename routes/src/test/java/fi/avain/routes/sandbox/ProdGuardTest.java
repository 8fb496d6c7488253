package fi.avain.routes.sandbox;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.avain.routes.security.PortalSettings;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The prod profile refuses to accept citizens' tokens without a real issuer to check them against. */
class ProdGuardTest {

    private static MockEnvironment prod() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/avain")
                .withProperty("avain.portal.issuer", "https://login.portal.example/realms/citizens")
                .withProperty("avain.portal.jwk-set-uri", "https://login.portal.example/realms/citizens/certs");
        SandboxEnvironment.CONNECTOR_URL_KEYS.values().forEach(key -> environment.setProperty(key, "https://x.example/"));
        environment.setActiveProfiles("prod");
        return environment;
    }

    @Test
    void startsWithAnIssuerAndItsJwkSetOrItsPublicKey() {
        assertThatCode(() -> ProdGuard.check(prod())).doesNotThrowAnyException();
        MockEnvironment withKey = prod().withProperty("avain.portal.jwk-set-uri", "")
                .withProperty("avain.portal.public-key", "file:/etc/avain/issuer.pem");
        assertThatCode(() -> ProdGuard.check(withKey)).doesNotThrowAnyException();
    }

    @Test
    void refusesToStartWithoutAnIssuer() {
        assertThatThrownBy(() -> ProdGuard.check(prod().withProperty("avain.portal.issuer", " ")))
                .hasMessageContaining("AVAIN_PORTAL_ISSUER");
    }

    @Test
    void refusesTheSandboxIssuer() {
        assertThatThrownBy(() -> ProdGuard.check(prod().withProperty("avain.portal.issuer", PortalSettings.SANDBOX_ISSUER)))
                .hasMessageContaining("sandbox's own tokens");
    }

    @Test
    void refusesToStartWithoutTheIssuersKeys() {
        assertThatThrownBy(() -> ProdGuard.check(prod().withProperty("avain.portal.jwk-set-uri", "")))
                .hasMessageContaining("AVAIN_PORTAL_JWK_SET_URI").hasMessageContaining("AVAIN_PORTAL_PUBLIC_KEY");
    }
}
