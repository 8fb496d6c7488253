package fi.avain.budget;

/**
 * The sender's id for one request came again with a request that differs from the first: refused, as
 * Stripe refuses an idempotency key reused with other parameters, rather than answered as the first.
 */
public class IdempotencyConflictException extends LedgerException {
    private final String field;
    private final String key;

    /** @param field the request's member that carries the key, such as {@code correctionId} */
    public IdempotencyConflictException(String field, String key, String message) {
        super(message);
        this.field = field;
        this.key = key;
    }

    public String field() {
        return field;
    }

    public String key() {
        return key;
    }
}
