package fi.avain.routes.web;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import fi.avain.routes.messages.PersonalDataMasker;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** RFC 9457 problem responses, thrown from controllers. */
public final class Problems {
    private Problems() {
    }

    public static ErrorResponseException of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }

    public static ErrorResponseException badRequest(String title, String detail) {
        return of(HttpStatus.BAD_REQUEST, title, detail);
    }

    /**
     * The body of a problem written outside Spring MVC: by a filter, the firewall or Tomcat itself.
     * Identity codes in the texts are masked, as {@link ProblemMasking} does for the rest.
     */
    public static String json(int status, String title, String detail) {
        return json(status, title, detail, null);
    }

    /** The same, naming the request's path as its {@code instance} when one is given. */
    public static String json(int status, String title, String detail, String instance) {
        return "{\"type\":\"about:blank\",\"title\":\"" + quoted(title) + "\",\"status\":" + status
                + ",\"detail\":\"" + quoted(detail) + "\""
                + (instance == null ? "" : ",\"instance\":\"" + quoted(instance) + "\"") + "}";
    }

    private static String quoted(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(PersonalDataMasker.maskOutsideIds(text)));
    }
}
