package fi.avain.routes.reports;

/**
 * Adding cents without wrapping around: a report's sums are longs, and a plain {@code +=} past
 * {@link Long#MAX_VALUE} would turn a group's total negative without a word. A sum that no long can hold
 * stops the report, naming the cause, and no file is replaced.
 */
final class ReportSums {
    private ReportSums() {
    }

    static long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new TooLargeException();
        }
    }

    static long add(long a, long b, long c) {
        return add(add(a, b), c);
    }

    static long subtract(long a, long b) {
        try {
            return Math.subtractExact(a, b);
        } catch (ArithmeticException e) {
            throw new TooLargeException();
        }
    }

    /** A report total beyond what exact cents can hold. */
    static final class TooLargeException extends IllegalStateException {
        TooLargeException() {
            super("a report total is beyond 92233720368547758.07 euros, so the report cannot be made: "
                    + "look for impossibly large allocations in the plans or costs in the imported files");
        }
    }
}
