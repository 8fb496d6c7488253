package fi.avain.mappings.budget;

import java.util.Locale;

/** How a budget is spent. Written lower case in every format. */
public enum Channel {
    CARD, VOUCHER, DECLARATION, INVOICE;

    public static Channel parse(String text) {
        for (Channel c : values()) {
            if (c.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown channel");
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
