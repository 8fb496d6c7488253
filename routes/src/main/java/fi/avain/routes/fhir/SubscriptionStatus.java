package fi.avain.routes.fhir;

import java.util.Locale;

/** R4's Subscription.status; the code is what the database and FHIR both spell. */
public enum SubscriptionStatus {
    REQUESTED, ACTIVE, ERROR, OFF;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SubscriptionStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
