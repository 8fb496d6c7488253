package fi.avain.connectors.voucher;

/** A way the voucher-system simulator can be told to misbehave, as the real system and X-Road sometimes do. */
public enum VoucherSystemFault {
    /** A SOAP {@code Server} fault (HTTP 500): the service failed; a retry may succeed. */
    SERVER_FAULT,
    /** A SOAP {@code Client} fault (HTTP 500): the request was wrong; a retry will fail the same way. */
    CLIENT_FAULT,
    /** HTTP 503 with an HTML body, as a proxy or security server in front answers when the service is down. */
    HTTP_503,
    /** Answers normally, but only after the simulator's slow delay. */
    SLOW
}
