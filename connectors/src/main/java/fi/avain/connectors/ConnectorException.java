package fi.avain.connectors;

/**
 * A call to an outside system failed. {@code transientFailure} tells the caller whether trying
 * again later can help (5xx, timeout, reset, open circuit) or not (4xx, a body that is not what the
 * contract says). The message names the system and the reason, never a message body.
 */
public class ConnectorException extends RuntimeException {
    private final String system;
    private final boolean transientFailure;

    public ConnectorException(String system, String reason, boolean transientFailure) {
        super(system + ": " + reason);
        this.system = system;
        this.transientFailure = transientFailure;
    }

    public String system() {
        return system;
    }

    public boolean transientFailure() {
        return transientFailure;
    }
}
