package fi.avain.mappings.fhir;

import java.util.Locale;

/** What a representative may see or do for the client. */
public enum Grant {
    /** the budget, its lines and balances, and the plan */
    BUDGET,
    /** the charges */
    SPENDS,
    /** the client's declarations: send, and see their approval */
    DECLARATIONS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
