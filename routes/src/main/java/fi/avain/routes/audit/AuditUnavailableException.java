package fi.avain.routes.audit;

/**
 * The audit event could not be written. The access it was to record must then not happen: the caller
 * lets this propagate instead of answering with the data.
 */
public class AuditUnavailableException extends RuntimeException {
    AuditUnavailableException(Throwable cause) {
        super("the audit event could not be written; the access it records is refused", cause);
    }
}
