package fi.avain.routes.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds every request body to {@code avain.http.max-request-size} (default 1 MB) as the application
 * reads it, before anything else reads it: a declared length over the limit is refused at once; a
 * body sent chunked, or gzip-coded, is read here up to the limit, decoded, and handed on with its
 * length, so no reader downstream (Spring MVC, CXF, HAPI FHIR, a webhook's signature check) can be
 * made to hold more. The limit counts the decoded bytes: a small gzip body can expand a
 * thousandfold. Other content codings are refused with 415. A refusal is a 413 problem, a SOAP
 * fault or an OperationOutcome, as the caller expects, and nothing runs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {
    private static final String CONTENT_ENCODING = "Content-Encoding";
    private static final String NOT_GZIP = "The request body is not valid gzip.";
    private static final String UNSUPPORTED_CODING =
            "The request body's Content-Encoding is not supported: send it as is, or as gzip.";

    private final long maxBytes;

    RequestSizeLimitFilter(@Value("${avain.http.max-request-size:1MB}") DataSize max) {
        this.maxBytes = max.toBytes();
    }

    /** What every refusal of an oversize body says, whichever kind of caller gets it. */
    static String describe(long maxBytes) {
        return "The request body may be at most " + maxBytes + " bytes.";
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(request, response, 413, describe(maxBytes));
            return;
        }
        Coding coding = Coding.of(request.getHeaders(CONTENT_ENCODING));
        if (coding == Coding.UNSUPPORTED) {
            response.setHeader("Accept-Encoding", "gzip");
            refuse(request, response, 415, UNSUPPORTED_CODING);
            return;
        }
        boolean chunked = declared < 0 && request.getHeader("Transfer-Encoding") != null;
        if (coding == Coding.IDENTITY && !chunked) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try {
            body = read(request.getInputStream(), coding == Coding.GZIP);
        } catch (TooLarge e) {
            refuse(request, response, 413, describe(maxBytes));
            return;
        } catch (ZipException | EOFException e) {
            refuse(request, response, 400, NOT_GZIP);
            return;
        }
        chain.doFilter(new ReadRequest(request, body), response);
    }

    /**
     * The body, decoded, at most {@code maxBytes} of it. The coded bytes are limited too: empty gzip
     * members decode to nothing, and would otherwise be read for ever.
     */
    private byte[] read(InputStream raw, boolean gzip) throws IOException {
        InputStream in = new Limited(raw, maxBytes);
        if (gzip) {
            in = new Limited(new GZIPInputStream(in), maxBytes);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String detail)
            throws IOException {
        String uri = request.getRequestURI();
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

    private enum Coding {
        IDENTITY, GZIP, UNSUPPORTED;

        /** A body coded more than once, or in anything but gzip, is one this server cannot read. */
        static Coding of(Enumeration<String> headers) {
            List<String> codings = Collections.list(headers).stream()
                    .flatMap(header -> Arrays.stream(header.split(",")))
                    .map(coding -> coding.trim().toLowerCase(Locale.ROOT))
                    .filter(coding -> !coding.isEmpty() && !coding.equals("identity"))
                    .toList();
            if (codings.isEmpty()) {
                return IDENTITY;
            }
            if (codings.size() == 1 && (codings.get(0).equals("gzip") || codings.get(0).equals("x-gzip"))) {
                return GZIP;
            }
            return UNSUPPORTED;
        }
    }

    private static final class TooLarge extends IOException {
    }

    /** Fails once more than {@code maxBytes} have been read. */
    private static final class Limited extends FilterInputStream {
        private final long maxBytes;
        private long read;

        Limited(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > maxBytes) {
                throw new TooLarge();
            }
        }
    }

    /** The request with its body already read and decoded: a plain body of a known length. */
    private static final class ReadRequest extends HttpServletRequestWrapper {
        private static final List<String> HIDDEN = List.of("content-encoding", "transfer-encoding", "content-length");
        private final byte[] body;
        private final BodyInput input;

        ReadRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
            this.input = new BodyInput(new ByteArrayInputStream(body));
        }

        @Override
        public ServletInputStream getInputStream() {
            return input;
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(input, charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getHeader(String name) {
            if (name.equalsIgnoreCase("content-length")) {
                return Integer.toString(body.length);
            }
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (name.equalsIgnoreCase("content-length")) {
                return Collections.enumeration(List.of(Integer.toString(body.length)));
            }
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !hidden(name)).toList());
            names.add("Content-Length");
            return Collections.enumeration(names);
        }

        private static boolean hidden(String name) {
            return HIDDEN.contains(name.toLowerCase(Locale.ROOT));
        }
    }

    private static final class BodyInput extends ServletInputStream {
        private final ByteArrayInputStream in;

        BodyInput(ByteArrayInputStream in) {
            this.in = in;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        /** All of the body is here already: a non-blocking reader gets it at once. */
        @Override
        public void setReadListener(ReadListener listener) {
            try {
                listener.onDataAvailable();
                listener.onAllDataRead();
            } catch (IOException e) {
                listener.onError(e);
            }
        }
    }
}
