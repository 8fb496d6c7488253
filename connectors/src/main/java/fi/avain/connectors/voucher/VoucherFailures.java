package fi.avain.connectors.voucher;

import fi.avain.connectors.voucher.VoucherSystemException.Failure;
import fi.avain.connectors.voucher.system.Refusal;
import fi.avain.connectors.voucher.types.VoucherFault;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.transport.http.HTTPException;

/**
 * Sorts what went wrong in one attempt. Transient: timeouts, connection failures, HTTP 5xx without a
 * SOAP answer, SOAP {@code Server} faults, an open circuit. Final: the voucher system's refusal, SOAP
 * {@code Client} faults (the request itself is wrong), other HTTP errors, an oversized response.
 * Remote fault strings are kept as data, never put into a message or attached as a cause.
 */
final class VoucherFailures {
    private VoucherFailures() {
    }

    static Failure classify(Throwable caught) {
        for (Throwable cause = caught; cause != null; cause = cause.getCause()) {
            Failure failure = classifyOne(cause);
            if (failure != null) {
                return failure;
            }
        }
        return Failure.permanent("failed: " + (caught == null ? "unknown" : caught.getClass().getSimpleName()), null);
    }

    private static Failure classifyOne(Throwable cause) {
        if (cause instanceof Refusal refusal) {
            VoucherFault fault = refusal.getFaultInfo();
            String code = fault == null ? null : fault.getFaultCode();
            return new Failure("refused: " + code, false, 500, true, code, fault == null ? null : fault.getFaultString(),
                    null);
        }
        if (cause instanceof SoapFault fault) {
            String code = fault.getFaultCode() == null ? "" : fault.getFaultCode().getLocalPart();
            boolean server = code.startsWith("Server");
            return new Failure("failed with SOAP fault " + code, server, fault.getStatusCode(), false, code,
                    fault.getMessage(), null);
        }
        if (cause instanceof CallNotPermittedException) {
            return Failure.transientFailure("not sent: circuit breaker open", cause);
        }
        if (cause instanceof SoapCapture.ResponseTooLarge) {
            return Failure.permanent(cause.getMessage(), null);
        }
        if (cause instanceof HTTPException http) {
            int status = http.getResponseCode();
            return new Failure("failed with HTTP " + status, status >= 500 || status == 429, status, false, null, null,
                    cause);
        }
        if (cause instanceof InterruptedIOException || cause instanceof HttpTimeoutException) {
            return Failure.transientFailure("timed out", cause);
        }
        if (cause instanceof ConnectException) {
            return Failure.transientFailure("connection refused", cause);
        }
        if (cause instanceof IOException) {
            return Failure.transientFailure("connection failed: " + cause.getClass().getSimpleName(), cause);
        }
        return null;
    }
}
