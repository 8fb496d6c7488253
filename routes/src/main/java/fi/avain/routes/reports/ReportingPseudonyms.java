package fi.avain.routes.reports;

import fi.avain.mappings.model.Hetu;
import fi.avain.mappings.reports.ClientRef;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.stereotype.Component;

/**
 * Reporting pseudonyms: the hex HMAC-SHA256 of an identity code's canonical text under the tenant's
 * reporting key ({@code avain.reports.keys.<tenant>}, base64 of at least 32 bytes). The ledger has a
 * pseudonym of its own; this one is per tenant and is what the reports and their files carry, so a
 * report's rows cannot be joined to another tenant's or to the ledger without the key.
 *
 * <p>There is no fallback key: a tenant without one has no pseudonyms, and whatever needs them stops
 * and says which setting is missing. Keys that are set are checked at start-up.
 *
 * <p>A key belongs to the tenant id exactly as written. Spring's relaxed lookup would hand
 * {@code sandbox-county}'s key to {@code sandboxcounty} or {@code Sandbox-County-}, so a mistyped
 * tenant would get another county's pseudonyms; the keys are therefore read once, per property source,
 * with their names as given. An environment variable {@code AVAIN_REPORTS_KEYS_<TENANT>} names the
 * tenant in capitals with each {@code -} as {@code _}: it can name only tenants of lower-case letters,
 * digits and single inner dashes; any other tenant's key comes from a properties file, a command-line
 * argument or {@code SPRING_APPLICATION_JSON}.
 */
@Component
public class ReportingPseudonyms {
    public static final String KEY_PREFIX = "avain.reports.keys.";
    private static final int MIN_KEY_BYTES = 32;
    static final String ENVIRONMENT_PREFIX = "AVAIN_REPORTS_KEYS_";
    private static final Pattern PSEUDONYM = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern ENVIRONMENT_TENANT = Pattern.compile("[A-Z0-9]+(_[A-Z0-9]+)*");

    private final Map<String, SecretKeySpec> keys = new HashMap<>();

    ReportingPseudonyms(Environment environment) {
        texts(environment).forEach((tenant, text) -> {
            SecretKeySpec key = key(tenant, text);
            if (key != null) {
                keys.put(tenant, key);
            }
        });
    }

    /** Every key's text by its tenant as written; the first property source that names a tenant wins, as in Spring. */
    private static Map<String, String> texts(Environment environment) {
        Map<String, String> texts = new HashMap<>();
        if (!(environment instanceof ConfigurableEnvironment configurable)) {
            return texts;
        }
        PropertySourcesPlaceholdersResolver placeholders = new PropertySourcesPlaceholdersResolver(environment);
        for (PropertySource<?> source : configurable.getPropertySources()) {
            if (source instanceof SystemEnvironmentPropertySource variables) {
                fromVariables(variables).forEach(texts::putIfAbsent);
            } else {
                // the attached source of relaxed names over all the others adapts to null: it is skipped
                List<ConfigurationPropertySource> adapted = new ArrayList<>();
                ConfigurationPropertySources.from(source).forEach(c -> {
                    if (c != null) {
                        adapted.add(c);
                    }
                });
                new Binder(adapted, placeholders)
                        .bind(KEY_PREFIX.substring(0, KEY_PREFIX.length() - 1),
                                Bindable.mapOf(String.class, String.class))
                        .orElse(Map.of()).forEach(texts::putIfAbsent);
            }
        }
        return texts;
    }

    private static Map<String, String> fromVariables(EnumerablePropertySource<?> variables) {
        Map<String, String> texts = new HashMap<>();
        for (String name : variables.getPropertyNames()) {
            String rest = name.startsWith(ENVIRONMENT_PREFIX) ? name.substring(ENVIRONMENT_PREFIX.length()) : "";
            if (ENVIRONMENT_TENANT.matcher(rest).matches() && variables.getProperty(name) != null) {
                texts.put(rest.toLowerCase(Locale.ROOT).replace('_', '-'),
                        String.valueOf(variables.getProperty(name)));
            }
        }
        return texts;
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

    /** Whether the tenant has a reporting key (one set but unusable has already stopped start-up). */
    public boolean hasKey(String tenant) {
        return key(tenant) != null;
    }

    private SecretKeySpec key(String tenant) {
        return tenant == null ? null : keys.get(tenant);
    }

    private static SecretKeySpec key(String tenant, String text) {
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
        return new SecretKeySpec(bytes, "HmacSHA256");
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
