package fi.avain.routes.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Reads {@code avain.portal.public-key}: PEM text, or a {@code file:} / {@code classpath:} location of
 * one, holding a public key ({@code BEGIN PUBLIC KEY}) or a certificate. Errors name the setting and
 * what was expected, never the content.
 */
public final class PortalKeys {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private PortalKeys() {
    }

    static PublicKey publicKey(String setting, ResourceLoader resources) {
        String pem = setting.startsWith("file:") || setting.startsWith("classpath:") ? read(setting, resources) : setting;
        Matcher matcher = PEM.matcher(pem);
        if (!matcher.find()) {
            throw new IllegalStateException("avain.portal.public-key must be a PEM public key (-----BEGIN PUBLIC "
                    + "KEY-----) or certificate, or a file: or classpath: location of one.");
        }
        byte[] der = Base64.getMimeDecoder().decode(matcher.group(2));
        PublicKey key = switch (matcher.group(1)) {
            case "PUBLIC KEY" -> subjectPublicKey(der);
            case "CERTIFICATE" -> certificateKey(der);
            default -> throw new IllegalStateException("avain.portal.public-key holds a PEM " + matcher.group(1)
                    + "; it must be a PUBLIC KEY (SubjectPublicKeyInfo) or a CERTIFICATE.");
        };
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < 2048) {
            throw new IllegalStateException("avain.portal.public-key is an RSA key shorter than 2048 bits.");
        }
        if (key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new IllegalStateException("avain.portal.public-key is an EC key on a curve other than P-256 "
                    + "(ES256 is the only EC algorithm accepted).");
        }
        if (!(key instanceof RSAPublicKey) && !(key instanceof ECPublicKey)) {
            throw new IllegalStateException("avain.portal.public-key must be an RSA or EC (P-256) key.");
        }
        return key;
    }

    private static String read(String location, ResourceLoader resources) {
        Resource resource = resources.getResource(location);
        try {
            return resource.getContentAsString(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("avain.portal.public-key names " + location + ", which cannot be read.", e);
        }
    }

    private static PublicKey subjectPublicKey(byte[] der) {
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (InvalidKeySpecException e) {
                // not this algorithm's key; try the next
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("avain.portal.public-key is neither an RSA nor an EC public key.");
    }

    private static PublicKey certificateKey(byte[] der) {
        try {
            return CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der))
                    .getPublicKey();
        } catch (CertificateException e) {
            throw new IllegalStateException("avain.portal.public-key holds a certificate that cannot be read.", e);
        }
    }

    /** PEM text of a public key, as {@code avain.portal.public-key} takes it. */
    public static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
