package fi.avain.routes.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an API request body over {@code avain.http.max-request-size} (default 1 MB) with 413
 * before anything reads it; a SOAP call gets a SOAP fault instead, a FHIR call an OperationOutcome.
 * A SOAP body without a declared length is read through a counting limit, so the parser fails once
 * it passes the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {
    private final long maxBytes;

    RequestSizeLimitFilter(@Value("${avain.http.max-request-size:1MB}") DataSize max) {
        this.maxBytes = max.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        String uri = request.getRequestURI();
        if (declared > maxBytes) {
            String detail = RequestTooLargeException.describe(maxBytes);
            if (uri.startsWith("/soap/")) {
                SoapFaultResponse.write(response, detail, SoapFaultResponse.VOUCHER_NAMESPACE,
                        SoapFaultResponse.UNREADABLE_REQUEST);
            } else if (OperationOutcomes.isFhir(uri)) {
                OperationOutcomes.write(response, 413, "too-long", detail);
            } else {
                response.setStatus(413);
                response.setContentType("application/problem+json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getWriter().write(Problems.json(413, "Request too large", detail));
            }
            return;
        }
        if (declared < 0 && uri.startsWith("/soap/")) {
            chain.doFilter(new LimitedRequest(request, maxBytes), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static final class LimitedRequest extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final long maxBytes;
        private LimitedInput input;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() throws IOException {
            if (input == null) {
                input = new LimitedInput(super.getInputStream(), maxBytes);
            }
            return input;
        }
    }

    private static final class LimitedInput extends jakarta.servlet.ServletInputStream {
        private final jakarta.servlet.ServletInputStream in;
        private final long maxBytes;
        private long read;

        LimitedInput(jakarta.servlet.ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > maxBytes) {
                throw new RequestTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(jakarta.servlet.ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
