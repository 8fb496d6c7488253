package fi.avain.routes.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A request body refused before the application reads it, answered as its caller expects: a SOAP
 * fault on {@code /soap/}, an OperationOutcome on {@code /fhir}, a problem document elsewhere. The
 * texts are fixed: nothing the caller sent is repeated.
 */
final class BodyRefusal {
    static final String NOT_GZIP = "The request body is not valid gzip.";
    static final String UNSUPPORTED_CODING =
            "The request body's Content-Encoding is not supported: send it as is, or as gzip.";

    private BodyRefusal() {
    }

    /** What every refusal of an oversize body says, whichever kind of caller gets it. */
    static String tooLarge(long maxBytes) {
        return "The request body may be at most " + maxBytes + " bytes.";
    }

    static void write(HttpServletRequest request, HttpServletResponse response, int status, String detail)
            throws IOException {
        String uri = request.getRequestURI();
        if (status == 415) {
            response.setHeader("Accept-Encoding", "gzip");
        }
        if (uri.startsWith("/soap/")) {
            SoapFaultResponse.write(response, detail, SoapFaultResponse.VOUCHER_NAMESPACE,
                    SoapFaultResponse.UNREADABLE_REQUEST);
        } else if (OperationOutcomes.isFhir(uri)) {
            OperationOutcomes.write(response, status, switch (status) {
                case 413 -> "too-long";
                case 415 -> "not-supported";
                default -> "structure";
            }, detail);
        } else {
            response.setStatus(status);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(Problems.json(status, switch (status) {
                case 413 -> "Request too large";
                case 415 -> "Unsupported content encoding";
                default -> "Unreadable request body";
            }, detail));
        }
    }
}
