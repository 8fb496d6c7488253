package fi.avain.connectors.card;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The card webhooks' signature, {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}:
 * Stripe's scheme, used as it is for {@code Stripe-Signature} and for the generic format's
 * {@code Avain-Signature}. Several {@code v1} values and several secrets may be in play while a
 * secret is rotated; any pair that matches accepts the body. Other schemes ({@code v0}) are ignored.
 */
public final class WebhookSignature {
    public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAX_HEADER_LENGTH = 4096;
    private static final Pattern SECONDS = Pattern.compile("\\d{1,12}");
    private static final HexFormat HEX = HexFormat.of();

    private WebhookSignature() {
    }

    /** The header value for {@code body} signed with {@code secret} at {@code unixSeconds}. */
    public static String sign(String secret, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + HEX.formatHex(hmac(secret, unixSeconds, body));
    }

    /**
     * Accepts the body only if one of the header's {@code v1} signatures matches it under one of
     * {@code secrets} and its timestamp is within {@code tolerance} of {@code now}, either way.
     *
     * @throws SignatureException naming what failed
     * @throws IllegalArgumentException when no secret is configured: a setup error, not the sender's
     */
    public static void verify(String header, byte[] body, List<String> secrets, Instant now, Duration tolerance) {
        List<String> keys = secrets == null ? List.of() : secrets.stream().filter(s -> s != null && !s.isBlank()).toList();
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no webhook secret is configured");
        }
        Parsed parsed = parse(header);
        if (!matches(parsed, body, keys)) {
            throw new SignatureException(SignatureException.Reason.MISMATCH,
                    "no v1 signature matches the body under any configured secret");
        }
        Instant signed = Instant.ofEpochSecond(parsed.timestamp());
        if (signed.isBefore(now.minus(tolerance)) || signed.isAfter(now.plus(tolerance))) {
            throw new SignatureException(SignatureException.Reason.EXPIRED,
                    "signature timestamp is outside the tolerance of " + tolerance.toSeconds() + " s");
        }
    }

    private record Parsed(long timestamp, List<byte[]> signatures) {
    }

    private static Parsed parse(String header) {
        if (header == null || header.isBlank()) {
            throw new SignatureException(SignatureException.Reason.MISSING, "signature header is missing");
        }
        if (header.length() > MAX_HEADER_LENGTH) {
            throw malformed("longer than " + MAX_HEADER_LENGTH + " characters");
        }
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String element : header.split(",")) {
            int eq = element.indexOf('=');
            if (eq <= 0) {
                throw malformed("expected t=<unix seconds>,v1=<hex>");
            }
            String key = element.substring(0, eq).strip();
            String value = element.substring(eq + 1).strip();
            if (key.equals("t")) {
                if (timestamp != null) {
                    throw malformed("more than one t=");
                }
                if (!SECONDS.matcher(value).matches()) {
                    throw malformed("t= is not whole Unix seconds");
                }
                timestamp = Long.parseLong(value);
            } else if (key.equals("v1")) {
                signatures.add(value.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
            }
        }
        if (timestamp == null) {
            throw malformed("no t= timestamp");
        }
        if (signatures.isEmpty()) {
            throw malformed("no v1= signature");
        }
        return new Parsed(timestamp, signatures);
    }

    private static boolean matches(Parsed parsed, byte[] body, List<String> secrets) {
        boolean matched = false;
        for (String secret : secrets) {
            byte[] expected = HEX.formatHex(hmac(secret, parsed.timestamp(), body)).getBytes(StandardCharsets.US_ASCII);
            for (byte[] candidate : parsed.signatures()) {
                // Constant time, so the answer's timing tells nothing about how much of a guess was right.
                matched |= MessageDigest.isEqual(expected, candidate);
            }
        }
        return matched;
    }

    private static byte[] hmac(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update(Long.toString(unixSeconds).getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static SignatureException malformed(String why) {
        return new SignatureException(SignatureException.Reason.MALFORMED, "signature header is malformed: " + why);
    }
}
