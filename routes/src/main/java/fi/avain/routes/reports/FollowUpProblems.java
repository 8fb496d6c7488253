package fi.avain.routes.reports;

import fi.avain.mappings.MappingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The outcomes and unmet-needs endpoints' refusals as problem+json, naming the field that is wrong. */
@RestControllerAdvice(assignableTypes = {OutcomeController.class, UnmetNeedController.class})
class FollowUpProblems {

    @ExceptionHandler(MappingException.class)
    ProblemDetail unreadable(MappingException e) {
        return badRequest(e.getMessage(), e.field());
    }

    @ExceptionHandler(ReportRefusal.class)
    ProblemDetail refused(ReportRefusal e) {
        return badRequest(e.getMessage(), e.field());
    }

    /** The caller did nothing wrong: the tenant's reporting key is missing, so the call waits in the error store. */
    @ExceptionHandler(ReportingPseudonyms.NoReportingKeyException.class)
    ProblemDetail noKey(ReportingPseudonyms.NoReportingKeyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Reporting is not set up for tenant " + e.tenant() + " (no reporting key); an operator must set it.");
        problem.setTitle("Reporting not configured");
        return problem;
    }

    private static ProblemDetail badRequest(String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid input");
        problem.setProperty("field", field);
        return problem;
    }
}
