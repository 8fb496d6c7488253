package fi.avain.connectors.card;

/**
 * A webhook's signature header did not prove the body came from the processor. The message says
 * which check failed; it never holds the secret, the body or the header's signatures.
 */
public class SignatureException extends RuntimeException {
    public enum Reason {
        /** No signature header, or an empty one. */
        MISSING,
        /** Not {@code t=<unix seconds>,v1=<hex>}. */
        MALFORMED,
        /** Authentic, but signed longer ago (or further ahead) than the tolerance allows. */
        EXPIRED,
        /** No {@code v1} matches the body under any configured secret. */
        MISMATCH
    }

    private final Reason reason;

    public SignatureException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
