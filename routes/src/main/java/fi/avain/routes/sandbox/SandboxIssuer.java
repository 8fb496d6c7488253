package fi.avain.routes.sandbox;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fi.avain.routes.security.PortalKeys;
import fi.avain.routes.security.PortalSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * The sandbox's own citizen-token issuer: an RSA key made once and kept, readable by its owner only, in
 * {@code data/sandbox-issuer-key.json}, so tokens handed out stay valid across restarts. Its public key
 * is configured as {@code avain.portal.public-key}, exactly as a real issuer's would be.
 */
final class SandboxIssuer {
    static final String FILE = "sandbox-issuer-key.json";
    /** Set by {@link SandboxEnvironment} when {@code /fhir} trusts this issuer (no other key is configured). */
    static final String ACTIVE = "avain.sandbox.issuer";

    private final RSAKey key;

    private SandboxIssuer(RSAKey key) {
        this.key = key;
    }

    static SandboxIssuer loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                create(dataDir, file);
            }
            return new SandboxIssuer(RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException | ParseException | IllegalStateException e) {
            throw new IllegalStateException("cannot read the sandbox issuer's key " + file + "; delete it to make a new "
                    + "one (tokens signed with the old key then stop working)", e);
        }
    }

    private static void create(Path dataDir, Path file) throws IOException {
        RSAKey key;
        try {
            key = new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        Files.createDirectories(dataDir);
        Path temp = dataDir.resolve(FILE + ".tmp");
        Files.deleteIfExists(temp);
        if (Files.getFileStore(dataDir).supportsFileAttributeView("posix")) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(temp, key.toJSONString(), StandardCharsets.UTF_8);
        try {
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(temp); // another sandbox process made one first; use that
        }
    }

    String publicKeyPem() {
        try {
            return PortalKeys.pem(key.toRSAPublicKey());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JWK set a real issuer publishes: the public key only. */
    Map<String, Object> publicJwks() {
        return new JWKSet(key.toPublicJWK()).toJSONObject(true);
    }

    /** A token as the portal's identity provider would issue it for this person. */
    String sign(PortalSettings settings, String subject, String identityCode, String tenant, Instant now) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(settings.issuer()).subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(settings.tokenLifetime())))
                .claim(settings.identityClaim(), identityCode).claim(settings.tenantClaim(), tenant);
        if (settings.audience() != null) {
            claims.audience(settings.audience());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
