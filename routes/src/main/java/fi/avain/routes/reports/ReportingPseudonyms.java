package fi.avain.routes.reports;

import fi.avain.mappings.model.Hetu;
import fi.avain.mappings.reports.ClientRef;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Reporting pseudonyms: the hex HMAC-SHA256 of an identity code's canonical text under the tenant's
 * reporting key ({@code avain.reports.keys.<tenant>}, base64 of at least 32 bytes). The ledger has a
 * pseudonym of its own; this one is per tenant and is what the reports and their files carry, so a
 * report's rows cannot be joined to another tenant's or to the ledger without the key.
 *
 * <p>There is no fallback key: a tenant without one has no pseudonyms, and whatever needs them stops
 * and says which setting is missing. Keys that are set are checked at start-up.
 */
@Component
public class ReportingPseudonyms {
    public static final String KEY_PREFIX = "avain.reports.keys.";
    private static final int MIN_KEY_BYTES = 32;
    private static final Pattern PSEUDONYM = Pattern.compile("[0-9a-f]{64}");

    private final Environment environment;
    private final Map<String, SecretKeySpec> keys = new ConcurrentHashMap<>();

    ReportingPseudonyms(Environment environment, TenantCatalog tenants) {
        this.environment = environment;
        TreeSet<String> configured = new TreeSet<>(Binder.get(environment)
                .bind("avain.reports.keys", Bindable.mapOf(String.class, String.class)).orElse(Map.of()).keySet());
        tenants.all().forEach(t -> configured.add(t.code()));
        configured.forEach(this::hasKey);
    }

    /** The client's reporting pseudonym in the tenant's reports. */
    public String of(String tenant, Hetu code) {
        SecretKeySpec key = key(tenant);
        if (key == null) {
            throw new NoReportingKeyException(tenant);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(code.unmasked().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    /** The pseudonym of the client a line or a body names: made from an identity code, or as it was sent. */
    public String of(String tenant, ClientRef client) {
        return client instanceof ClientRef.IdentityCode code ? of(tenant, code.hetu())
                : ((ClientRef.Pseudonym) client).value();
    }

    /** Whether the text has a pseudonym's form: 64 lowercase hex characters. */
    public boolean looksLikePseudonym(String text) {
        return text != null && PSEUDONYM.matcher(text).matches();
    }

    /** Whether the tenant has a reporting key; a key that is set but not a usable one stops the caller. */
    public boolean hasKey(String tenant) {
        return key(tenant) != null;
    }

    private SecretKeySpec key(String tenant) {
        SecretKeySpec known = keys.get(tenant);
        if (known != null) {
            return known;
        }
        String text = environment.getProperty(KEY_PREFIX + tenant);
        if (text == null || text.isBlank()) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalStateException(KEY_PREFIX + tenant + " must be base64 of at least " + MIN_KEY_BYTES
                    + " bytes");
        }
        SecretKeySpec key = new SecretKeySpec(bytes, "HmacSHA256");
        keys.put(tenant, key);
        return key;
    }

    /** The tenant has no reporting key, so identity codes cannot become its pseudonyms. */
    public static class NoReportingKeyException extends IllegalStateException {
        private final String tenant;

        NoReportingKeyException(String tenant) {
            super("no reporting key for tenant " + tenant + ": set " + KEY_PREFIX + tenant + " (base64 of at least "
                    + MIN_KEY_BYTES + " bytes)");
            this.tenant = tenant;
        }

        public String tenant() {
            return tenant;
        }
    }
}
