package fi.avain.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/** The citizen portal's issuer as the tests play it: a key pair, and tokens for a person in a tenant. */
final class PortalTokens {
    /** The origin of the portal's web app, whose browsers may call /fhir. */
    static final String WEB_APP = "https://oma.example.fi";
    static final String ISSUER = "https://login.portal.it/citizens";
    static final KeyPair KEYS = rsa();
    static final KeyPair FORGER = rsa();

    private PortalTokens() {
    }

    static String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    static String token(String hetu, String tenant) {
        return token(hetu, tenant, Duration.ofMinutes(10), KEYS);
    }

    static String token(String hetu, String tenant, Duration lifetime, KeyPair keys) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("person-" + hetu.hashCode())
                .issueTime(Date.from(now.minusSeconds(60))).expirationTime(Date.from(now.plus(lifetime)))
                .claim("hetu", hetu).claim("tenant", tenant).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), claims);
        try {
            jwt.sign(new RSASSASigner(keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
