package fi.avain.routes.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import fi.avain.routes.messages.PersonalDataMasker;
import jakarta.servlet.http.HttpServletRequest;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HAPI's parse errors quote the value they could not read, which may be an identity code; every error
 * leaves (and is logged) with such codes masked. A parameter HAPI could not read is the client's 400;
 * an unexpected failure says only that it failed. HAPI gives every issue the code {@code processing};
 * each leaves with the code its status means ({@code not-found} for a 404, {@code forbidden} for a 403, …).
 */
class MaskedErrors {
    private static final Logger log = LoggerFactory.getLogger(MaskedErrors.class);

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException mask(HttpServletRequest request, Throwable failure) {
        if (failure instanceof BaseServerResponseException known) {
            String message = known.getMessage() == null ? "" : known.getMessage();
            String masked = PersonalDataMasker.mask(message);
            if (masked.equals(message)) {
                return coded(known);
            }
            BaseServerResponseException answer = BaseServerResponseException.newInstance(known.getStatusCode(), masked);
            answer.setOperationOutcome(known.getOperationOutcome());
            known.getResponseHeaders().forEach((name, values) -> values.forEach(v -> answer.addResponseHeader(name, v)));
            return coded(answer);
        }
        if (failure instanceof DataFormatException badValue) {
            // A search parameter HAPI binds itself (an AuditEvent's date) could not be read: the
            // client's mistake, not the server's.
            String message = badValue.getMessage() == null ? "A parameter is not in its FHIR format."
                    : PersonalDataMasker.mask(badValue.getMessage());
            return coded(new InvalidRequestException(message));
        }
        log.error("FHIR request {} {} failed", request.getMethod(), request.getRequestURI(), failure);
        return coded(new InternalErrorException("The request could not be served; the error is in Avain's log."));
    }

    /** The answer with an OperationOutcome whose issues carry the code of its status, diagnostics masked. */
    private static BaseServerResponseException coded(BaseServerResponseException answer) {
        OperationOutcome outcome = answer.getOperationOutcome() instanceof OperationOutcome given ? given
                : new OperationOutcome();
        if (outcome.getIssue().isEmpty()) {
            outcome.addIssue().setSeverity(IssueSeverity.ERROR).setDiagnostics(answer.getMessage());
        }
        for (OperationOutcome.OperationOutcomeIssueComponent issue : outcome.getIssue()) {
            if (!issue.hasCode() || issue.getCode() == IssueType.PROCESSING) {
                issue.setCode(code(answer.getStatusCode()));
            }
            if (issue.hasDiagnostics()) {
                issue.setDiagnostics(PersonalDataMasker.mask(issue.getDiagnostics()));
            }
        }
        answer.setOperationOutcome(outcome);
        return answer;
    }

    /** The issue type (http://hl7.org/fhir/issue-type) an error of this HTTP status is. */
    static IssueType code(int status) {
        return switch (status) {
            case 400, 422 -> IssueType.INVALID;
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404, 410 -> IssueType.NOTFOUND;
            case 405, 406, 415, 501 -> IssueType.NOTSUPPORTED;
            case 409, 412 -> IssueType.CONFLICT;
            case 413 -> IssueType.TOOLONG;
            case 429 -> IssueType.THROTTLED;
            case 503 -> IssueType.TRANSIENT;
            case 500 -> IssueType.EXCEPTION;
            default -> IssueType.PROCESSING;
        };
    }
}
