package fi.avain.routes.security;

import fi.avain.routes.web.OperationOutcomes;
import fi.avain.routes.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;

/**
 * The answer to a request refused before the API or the FHIR server sees it, by Tomcat or by Spring
 * Security's firewall: problem+json, or an OperationOutcome under {@code /fhir}. The text names no
 * part of the request, which may hold anything.
 */
final class RefusedRequests {
    record Answer(String contentType, String body) {
    }

    private RefusedRequests() {
    }

    static Answer answer(String uri, int status) {
        String detail = status < 500 ? "The request was refused: its URL or headers are malformed or hold characters "
                + "that are not accepted." : "The server could not answer the request.";
        if (OperationOutcomes.isFhir(uri)) {
            return new Answer(OperationOutcomes.FHIR_JSON,
                    OperationOutcomes.json(status < 500 ? "invalid" : "exception", detail));
        }
        HttpStatus known = HttpStatus.resolve(status);
        return new Answer("application/problem+json",
                Problems.json(status, known == null ? "Error" : known.getReasonPhrase(), detail));
    }

    static void write(HttpServletResponse response, String uri, int status) throws IOException {
        Answer answer = answer(uri, status);
        response.setStatus(status);
        response.setContentType(answer.contentType());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(answer.body());
    }
}
