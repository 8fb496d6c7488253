package fi.avain.connectors;

/**
 * A failed call to an outside system. Transient failures (5xx, timeout, reset, open circuit) may
 * succeed later; permanent ones (4xx, a body that is not JSON or too large) will not, so the caller
 * puts the item in the error store instead of retrying. A connector may subclass it to say more
 * about its own protocol.
 */
public class ConnectorException extends RuntimeException {
    private final String system;
    private final String reason;
    private final boolean transientFailure;
    private final int status;

    public ConnectorException(String system, String reason, boolean transientFailure, int status, Throwable cause) {
        super(system + ": " + reason + (transientFailure ? " (transient)" : " (permanent)"), cause);
        this.system = system;
        this.reason = reason;
        this.transientFailure = transientFailure;
        this.status = status;
    }

    public static ConnectorException permanent(String system, String reason) {
        return new ConnectorException(system, reason, false, 0, null);
    }

    public String system() {
        return system;
    }

    public String reason() {
        return reason;
    }

    public boolean isTransient() {
        return transientFailure;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    /**
     * Whether the exception a {@code doCatch} caught is, or was caused by, a failed call answered with
     * {@code status}. Null-safe: a predicate that threw inside {@code onWhen} would leave the exchange
     * waiting for a callback that never comes.
     */
    public static boolean caughtWithStatus(org.apache.camel.Exchange exchange, int status) {
        for (Throwable cause = exchange.getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT, Throwable.class);
             cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectorException connector) {
                return connector.status() == status;
            }
        }
        return false;
    }

    /** Whether another attempt may help: transient, and not refused by an open circuit breaker. */
    public boolean isRetryable() {
        return transientFailure && !(getCause() instanceof io.github.resilience4j.circuitbreaker.CallNotPermittedException);
    }
}
