package fi.avain.mappings.budget;

import java.util.Locale;

/** Whether the client is in the personal-budget group or the control group the follow-up compares against. */
public enum Cohort {
    HB, CONTROL;

    public static Cohort parse(String text) {
        for (Cohort c : values()) {
            if (c.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown cohort");
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
