package fi.avain.benchmarks.fhir;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * The citizen portal's identity provider as the benchmark plays it: an RSA key pair whose public half the
 * server is given ({@code avain.portal.public-key=file:...}), and RS256 tokens for a person in a tenant.
 */
final class PortalIssuer {
    static final String PUBLIC_FILE = "issuer-public.pem";
    static final String PRIVATE_FILE = "issuer-private.pem";

    private final PrivateKey key;
    private final String issuer;

    private PortalIssuer(PrivateKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
    }

    /** Makes a key pair and writes both halves as PEM into {@code dir}. */
    static void create(Path dir) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(PUBLIC_FILE), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.writeString(dir.resolve(PRIVATE_FILE), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    }

    /** The issuer {@code issuer} (the server's {@code avain.portal.issuer}) with the private key written by {@link #create}. */
    static PortalIssuer load(Path privateKeyFile, String issuer) throws IOException, GeneralSecurityException {
        String text = Files.readString(privateKeyFile, StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return new PortalIssuer(KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text))), issuer);
    }

    /** A token with the claims the server requires: iss, sub (not an identity code), exp, hetu, tenant. */
    String token(String hetu, String tenant, Duration lifetime) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer)
                .subject("bench-person-" + Integer.toHexString(hetu.hashCode()))
                .issueTime(Date.from(now.minusSeconds(60))).expirationTime(Date.from(now.plus(lifetime)))
                .claim("hetu", hetu).claim("tenant", tenant).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
