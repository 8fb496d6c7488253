package fi.avain.connectors;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import org.apache.camel.Exchange;
import org.apache.camel.util.IOHelper;

/** Sorts what went wrong in a call into transient and permanent {@link ConnectorException}s. */
final class HttpFailures {
    private HttpFailures() {
    }

    /** Inside the circuit breaker: a 5xx counts as a failed call. */
    static void failOnServerError(String system, Exchange exchange) {
        int status = status(exchange);
        if (status >= 500) {
            IOHelper.close(exchange.getMessage().getBody(InputStream.class));
            throw new ConnectorException(system, "HTTP " + status + " from " + target(exchange), true, status, null);
        }
    }

    /** After the circuit breaker: a 4xx will fail the same way again. */
    static void failOnClientError(String system, Exchange exchange) {
        int status = status(exchange);
        if (status >= 400) {
            IOHelper.close(exchange.getMessage().getBody(InputStream.class));
            throw new ConnectorException(system, "HTTP " + status + " from " + target(exchange), false, status, null);
        }
    }

    /** Rethrows the attempt's failure as a {@link ConnectorException}. */
    static void translate(String system, Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        throw translate(system, caught);
    }

    static ConnectorException translate(String system, Throwable caught) {
        for (Throwable cause = caught; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectorException connector) {
                return connector;
            }
            if (cause instanceof CallNotPermittedException) {
                return new ConnectorException(system, "circuit breaker open", true, 0, cause);
            }
            if (cause instanceof InterruptedIOException) {
                return new ConnectorException(system, "timed out", true, 0, cause);
            }
            if (cause instanceof ConnectException) {
                return new ConnectorException(system, "connection refused", true, 0, cause);
            }
            if (cause instanceof IOException) {
                return new ConnectorException(system, "connection failed: " + cause.getClass().getSimpleName(), true, 0, cause);
            }
        }
        return new ConnectorException(system, "call failed: " + caught, false, 0, caught);
    }

    private static int status(Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        return status == null ? 0 : status;
    }

    private static String target(Exchange exchange) {
        HttpRequest request = exchange.getProperty(HttpRequest.PROPERTY, HttpRequest.class);
        return request == null ? "?" : request.method() + " " + request.path();
    }
}
