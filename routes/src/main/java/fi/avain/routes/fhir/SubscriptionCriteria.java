package fi.avain.routes.fhir;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a subscription watches: {@code ChargeItem?account=<id>} (every charge on a budget's or a line's
 * Account) or {@code Account?patient=<id>} (every budget of a client). The id may be given as a reference
 * ({@code Account/<id>}, {@code Patient/<id>}). Nothing else is supported.
 *
 * @param resource {@code ChargeItem} or {@code Account}: what a notification carries
 * @param id       the Account (budget or line) or the Patient (client) named
 */
public record SubscriptionCriteria(String resource, UUID id) {
    public static final String CHARGE_ITEM = "ChargeItem";
    public static final String ACCOUNT = "Account";
    private static final String ELEMENT = "Subscription.criteria";
    private static final Pattern FORM = Pattern.compile("(ChargeItem|Account)\\?([A-Za-z]+)=([^&]+)");
    private static final int MAX_LENGTH = 200;

    public SubscriptionCriteria {
        if (!CHARGE_ITEM.equals(resource) && !ACCOUNT.equals(resource)) {
            throw new IllegalArgumentException("criteria watch ChargeItem or Account");
        }
        if (id == null) {
            throw new IllegalArgumentException("criteria name an id");
        }
    }

    public static SubscriptionCriteria parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidSubscriptionException(ELEMENT, "required, e.g. ChargeItem?account=Account/<id> or "
                    + "Account?patient=Patient/<id>");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidSubscriptionException(ELEMENT, "longer than " + MAX_LENGTH + " characters");
        }
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new InvalidSubscriptionException(ELEMENT, "only ChargeItem?account=<Account id> and "
                    + "Account?patient=<Patient id> are supported, with one parameter");
        }
        String resource = m.group(1);
        String parameter = m.group(2);
        String expected = resource.equals(CHARGE_ITEM) ? "account" : "patient";
        if (!parameter.equals(expected)) {
            throw new InvalidSubscriptionException(ELEMENT, resource + " is watched by its " + expected
                    + " parameter only, not " + parameter);
        }
        String prefix = resource.equals(CHARGE_ITEM) ? "Account/" : "Patient/";
        String value = decode(m.group(3));
        if (value.startsWith(prefix)) {
            value = value.substring(prefix.length());
        }
        return new SubscriptionCriteria(resource, uuid(value, prefix));
    }

    /** The reference the criteria name, e.g. {@code Account/<id>}. */
    public String reference() {
        return (resource.equals(CHARGE_ITEM) ? "Account/" : "Patient/") + id;
    }

    /** The canonical text, ids as plain references. */
    public String text() {
        return resource + (resource.equals(CHARGE_ITEM) ? "?account=" : "?patient=") + reference();
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidSubscriptionException(ELEMENT, "the parameter's value is not URL-encoded correctly");
        }
    }

    private static UUID uuid(String value, String prefix) {
        // UUID.fromString accepts shortened groups ("1-1-1-1-1"); ids here are always the full 36 characters.
        if (value.length() != 36) {
            throw new InvalidSubscriptionException(ELEMENT, "the " + prefix.substring(0, prefix.length() - 1)
                    + " id must be a UUID");
        }
        try {
            return UUID.fromString(value.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSubscriptionException(ELEMENT, "the " + prefix.substring(0, prefix.length() - 1)
                    + " id must be a UUID");
        }
    }
}
