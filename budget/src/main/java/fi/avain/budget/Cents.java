package fi.avain.budget;

import java.math.BigDecimal;

/** Cents written as euros, the way every format here shows money: "12.50". */
public final class Cents {
    private Cents() {
    }

    public static String format(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
