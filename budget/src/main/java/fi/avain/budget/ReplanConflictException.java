package fi.avain.budget;

import java.util.List;

/** A re-plan that would take lines below what is already held and spent on them. */
public class ReplanConflictException extends LedgerException {
    private final List<Shortfall> shortfalls;

    public ReplanConflictException(List<Shortfall> shortfalls) {
        super(describe(shortfalls));
        this.shortfalls = List.copyOf(shortfalls);
    }

    public List<Shortfall> shortfalls() {
        return shortfalls;
    }

    /** Line {@code code} would be allocated {@code allocatedCents} but holds and spends use {@code usedCents}. */
    public record Shortfall(String code, long allocatedCents, long usedCents) {
        public long shortCents() {
            return usedCents - allocatedCents;
        }
    }

    private static String describe(List<Shortfall> shortfalls) {
        StringBuilder text = new StringBuilder("the new plan takes lines below what is already held and spent:");
        for (Shortfall s : shortfalls) {
            text.append(' ').append(s.code()).append(" by ").append(Cents.format(s.shortCents())).append(" EUR;");
        }
        return text.substring(0, text.length() - 1);
    }
}
