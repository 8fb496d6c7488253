package fi.avain.routes.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * FHIR OperationOutcome bodies for what is answered on {@code /fhir} before any FHIR code runs (security,
 * request limits). Diagnostics are fixed sentences: never the token, never a claim's value.
 */
public final class OperationOutcomes {
    public static final String FHIR_JSON = "application/fhir+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OperationOutcomes() {
    }

    /** Whether a request's path is the FHIR server's, whose clients read OperationOutcomes. */
    public static boolean isFhir(String uri) {
        return uri != null && (uri.equals("/fhir") || uri.startsWith("/fhir/"));
    }

    /**
     * @param code the issue type (http://hl7.org/fhir/issue-type): {@code login}, {@code forbidden},
     *        {@code transient}, {@code too-long}
     */
    public static void write(HttpServletResponse response, int status, String code, String diagnostics) throws IOException {
        response.setStatus(status);
        response.setContentType(FHIR_JSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(code, diagnostics));
    }

    public static String json(String code, String diagnostics) {
        ObjectNode outcome = JSON.createObjectNode().put("resourceType", "OperationOutcome");
        outcome.putArray("issue").addObject().put("severity", "error").put("code", code)
                .put("diagnostics", diagnostics);
        return outcome.toString();
    }
}
