package fi.avain.routes.reports;

import fi.avain.mappings.model.Hetu;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Clients in reports: hex HMAC-SHA256 of the identity code under the tenant's own reporting key
 * ({@code avain.reports.keys.<tenant>}, base64, at least 32 bytes). A key per tenant keeps one county's
 * pseudonyms from being matched with another's, and apart from the ledger's pseudonym key, a report
 * cannot be joined back to the ledger's clients without the reporting key.
 */
@Component
public class ReportingPseudonyms {
    private static final Pattern PSEUDONYM = Pattern.compile("[0-9a-f]{64}");
    private static final int MIN_KEY_BYTES = 32;

    private final Environment environment;
    private final Map<String, SecretKeySpec> keys = new ConcurrentHashMap<>();

    public ReportingPseudonyms(Environment environment) {
        this.environment = environment;
    }

    /** The client's pseudonym in the tenant's reports; a tenant without a usable key is an error naming the key. */
    public String of(String tenant, Hetu code) {
        SecretKeySpec key = keys.computeIfAbsent(tenant, this::key);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(code.unmasked().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    /** Whether the text has a pseudonym's form: 64 lowercase hex digits. */
    public boolean looksLikePseudonym(String text) {
        return text != null && PSEUDONYM.matcher(text).matches();
    }

    private SecretKeySpec key(String tenant) {
        String property = "avain.reports.keys." + tenant;
        String text = environment.getProperty(property);
        if (text == null || text.isBlank()) {
            throw new IllegalStateException("no reporting key for tenant '" + tenant + "': set " + property
                    + " (base64, at least " + MIN_KEY_BYTES + " bytes)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not base64");
        }
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalStateException(property + " is " + bytes.length + " bytes; a reporting key needs at least "
                    + MIN_KEY_BYTES);
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
