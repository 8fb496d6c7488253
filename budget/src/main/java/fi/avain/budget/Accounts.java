package fi.avain.budget;

import java.util.UUID;

/**
 * The ledger's account names. A line has three accounts whose balances are its available, held
 * and spent amounts; a tenant has a funding account (where allocations come from, so it runs
 * negative by what has been allocated), an exceptions account (what was paid out beyond any line,
 * awaiting a person) and an unbudgeted account (the other side of those exceptions).
 */
public final class Accounts {
    private Accounts() {
    }

    public static String available(UUID line) {
        return "line:" + line + ":available";
    }

    public static String held(UUID line) {
        return "line:" + line + ":held";
    }

    public static String spent(UUID line) {
        return "line:" + line + ":spent";
    }

    public static String funding(String tenant) {
        return "tenant:" + tenant + ":funding";
    }

    public static String exceptions(String tenant) {
        return "tenant:" + tenant + ":exceptions";
    }

    public static String unbudgeted(String tenant) {
        return "tenant:" + tenant + ":unbudgeted";
    }
}
