package fi.avain.connectors.comparison;

/** Headers of {@code direct:comparison-page}. */
public final class ComparisonHeaders {
    /** The page, from 1. */
    public static final String PAGE = "ComparisonPage";

    private ComparisonHeaders() {
    }
}
