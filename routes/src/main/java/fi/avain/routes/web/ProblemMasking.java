package fi.avain.routes.web;

import fi.avain.routes.messages.PersonalDataMasker;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Masks identity codes in every problem the API answers, wherever it was raised: a detail often
 * repeats what the caller sent (an id, a path segment, a line code), and that can be someone's
 * identity code.
 */
@RestControllerAdvice
public class ProblemMasking implements ResponseBodyAdvice<Object> {
    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            // Spring names the request's path as the instance when none is set, after this advice: set it here, masked.
            if (problem.getInstance() == null && request instanceof ServletServerHttpRequest servlet) {
                instance(servlet.getServletRequest().getRequestURI()).ifPresent(problem::setInstance);
            }
            mask(problem);
        }
        return body;
    }

    /** A path as the instance; one that is no URI (the container lets few through) is left out, not a 500. */
    private static Optional<URI> instance(String path) {
        try {
            return Optional.of(URI.create(path));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static void mask(ProblemDetail problem) {
        problem.setTitle(PersonalDataMasker.maskOutsideIds(problem.getTitle()));
        problem.setDetail(PersonalDataMasker.maskOutsideIds(problem.getDetail()));
        // A path can hold an id the caller chose.
        if (problem.getInstance() != null) {
            String path = PersonalDataMasker.maskOutsideIds(problem.getInstance().toString());
            problem.setInstance(instance(path).orElse(null));
        }
        Map<String, Object> properties = problem.getProperties();
        if (properties != null) {
            properties.replaceAll((name, value) ->
                    value instanceof String text ? PersonalDataMasker.maskOutsideIds(text) : value);
        }
    }
}
