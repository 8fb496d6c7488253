package fi.avain.connectors.voucher;

/**
 * Headers of {@code direct:voucher-system}. They stay inside Avain: the route sends no Camel header
 * over the wire, only the X-Road SOAP headers built from them and from {@link VoucherSettings}.
 */
public final class VoucherSystemHeaders {
    /** The X-Road message id; the same id on a repeat lets the voucher system answer it once. */
    public static final String XROAD_ID = "AvainXRoadId";
    /** The X-Road {@code userId}: who in Avain asked (a case worker's or a job's id). */
    public static final String USER_ID = "AvainXRoadUserId";
    /** The X-Road {@code issue}, a case or document reference; optional. */
    public static final String ISSUE = "AvainXRoadIssue";

    private VoucherSystemHeaders() {
    }
}
