package fi.avain.routes.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import fi.avain.routes.security.PortalSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox's token issuer: one key kept owner-only under the data directory, tokens as a real issuer signs them. */
class SandboxIssuerTest {
    private static final PortalSettings SETTINGS = new PortalSettings(PortalSettings.SANDBOX_ISSUER, null, null,
            "avain-fhir", "hetu", "tenant", Duration.ofSeconds(30), Duration.ofDays(30), Period.ofYears(2), null);

    @TempDir
    Path dataDir;

    @Test
    void makesTheKeyOnceReadableByItsOwnerOnlyAndKeepsIt() throws Exception {
        SandboxIssuer first = SandboxIssuer.loadOrCreate(dataDir);
        SandboxIssuer again = SandboxIssuer.loadOrCreate(dataDir);

        Path file = dataDir.resolve(SandboxIssuer.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(again.publicKeyPem()).isEqualTo(first.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(JWKSet.parse(first.publicJwks()).getKeys()).singleElement()
                .satisfies(key -> assertThat(key.isPrivate()).isFalse());
    }

    @Test
    void signsRs256TokensWithTheConfiguredClaimsValidForTheTokenLifetime() throws Exception {
        SandboxIssuer issuer = SandboxIssuer.loadOrCreate(dataDir);
        Instant now = Instant.parse("2026-03-02T08:00:00Z");

        SignedJWT token = SignedJWT.parse(issuer.sign(SETTINGS, "sandbox-client", "010190-123M", "sandbox-county", now));

        RSAKey publicKey = (RSAKey) JWKSet.parse(issuer.publicJwks()).getKeys().get(0);
        assertThat(token.verify(new RSASSAVerifier(publicKey))).isTrue();
        assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(token.getHeader().getKeyID()).isEqualTo(publicKey.getKeyID());
        var claims = token.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(PortalSettings.SANDBOX_ISSUER);
        assertThat(claims.getSubject()).isEqualTo("sandbox-client");
        assertThat(claims.getAudience()).containsExactly("avain-fhir");
        assertThat(claims.getStringClaim("hetu")).isEqualTo("010190-123M");
        assertThat(claims.getStringClaim("tenant")).isEqualTo("sandbox-county");
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(now.plus(Duration.ofDays(30)));
    }

    @Test
    void aDamagedKeyFileIsNamedWithWhatToDo() throws Exception {
        Files.writeString(dataDir.resolve(SandboxIssuer.FILE), "{not json");

        assertThatThrownBy(() -> SandboxIssuer.loadOrCreate(dataDir))
                .hasMessageContaining(SandboxIssuer.FILE).hasMessageContaining("delete it");
    }
}
