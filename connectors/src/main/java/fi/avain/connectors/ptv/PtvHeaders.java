package fi.avain.connectors.ptv;

/** Headers of the PTV routes ({@code direct:ptv-guid-page}, {@code direct:ptv-list}). */
public final class PtvHeaders {
    /** {@code Service}, {@code ServiceChannel} or {@code Organization}. */
    public static final String KIND = "PtvKind";
    /** The watermark, {@code yyyy-MM-ddTHH:mm:ss} UTC (see {@link PtvTime#watermark}); absent for all. */
    public static final String DATE = "PtvDate";
    /** {@code Published} (PTV's default), {@code Archived} or {@code Withdrawn}. */
    public static final String STATUS = "PtvStatus";
    /** The page, from 1. */
    public static final String PAGE = "PtvPage";
    /**
     * For {@code direct:ptv-list}: a {@code Set<String>} of the top-level fields each item's tree needs
     * (for instance {@code PtvMapper.SERVICE_FIELDS}); absent for whole trees. The bytes are whole either way.
     */
    public static final String FIELDS = "PtvFields";

    private PtvHeaders() {
    }
}
