package fi.avain.routes.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;

/** Keys and tokens for the tests: an issuer's key pair, another key nobody trusts, and valid claims to vary. */
final class TestTokens {
    static final String ISSUER = "https://login.portal.test/realms/citizens";
    static final String AUDIENCE = "avain-fhir";
    static final String HETU = "131052-308T";
    static final String TENANT = "sandbox-county";
    static final KeyPair ISSUER_KEYS = rsa();
    static final KeyPair OTHER_KEYS = rsa();

    private TestTokens() {
    }

    /** Claims every rule accepts, valid for ten minutes from now. */
    static JWTClaimsSet.Builder valid() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("citizen-42")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                .claim("hetu", HETU).claim("tenant", TENANT);
    }

    static String signed(JWTClaimsSet.Builder claims) {
        return signed(claims, new RSASSASigner(ISSUER_KEYS.getPrivate()), JWSAlgorithm.RS256);
    }

    static String signed(JWTClaimsSet.Builder claims, JWSSigner signer, JWSAlgorithm algorithm) {
        return signed(claims, signer, new JWSHeader.Builder(algorithm).keyID("k1").build());
    }

    static String signed(JWTClaimsSet.Builder claims, JWSSigner signer, JWSHeader header) {
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
