package fi.avain.routes.messages;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The message API's RFC 9457 problems; the application's error handler renders them as problem+json. */
final class MessageProblems {
    private MessageProblems() {
    }

    static ErrorResponseException unknownMessage(UUID id) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND,
                problem(HttpStatus.NOT_FOUND, "Unknown message", "no stored message has id " + id), null);
    }

    static ErrorResponseException noReplayer(NoReplayerException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "No replayer for the flow",
                e.getMessage() + "; nothing was replayed");
        problem.setProperty("flows", e.flows());
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, e);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
