package fi.avain.routes.security;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses some requests before any servlet sees them (an encoded NUL or slash in the path, a
 * malformed request line) and would answer them with its own HTML page. This valve answers them as
 * every other error is answered, by {@link RefusedRequests}.
 */
public class RefusedRequestValve extends ErrorReportValve {
    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        RefusedRequests.Answer answer = RefusedRequests.answer(request.getRequestURI(), status);
        try {
            response.setContentType(answer.contentType());
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(answer.body());
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client has gone, or the response was committed after all: nothing left to tell.
        }
    }

    /** Puts the valve in place of Tomcat's own on the host, where requests refused early end up. */
    @Component
    static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(RefusedRequestValve.class.getName());
                }
            });
        }
    }
}
