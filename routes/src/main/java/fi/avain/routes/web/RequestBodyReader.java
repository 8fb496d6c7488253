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
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
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
 * Reads a body sent chunked, or gzip-coded, here, up to {@code avain.http.max-request-size}, decodes
 * it, and hands it on with its length, so no reader downstream (Spring MVC, CXF, HAPI FHIR, a
 * webhook's signature check) can be made to hold more: HAPI decodes gzip whole, and a small gzip body
 * can expand a thousandfold. Both the coded and the decoded bytes count against the limit. Past it,
 * 413; a body that is not gzip, 400; nothing runs. Last among the filters: a caller the API keys, the
 * portal's tokens or the SOAP address list refuse costs no buffer.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class RequestBodyReader extends OncePerRequestFilter {
    private final long maxBytes;

    RequestBodyReader(@Value("${avain.http.max-request-size:1MB}") DataSize max) {
        this.maxBytes = max.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCoding coding = ContentCoding.of(request);
        boolean gzip = coding == ContentCoding.GZIP && RequestBodies.present(request);
        // A form's parameters are parsed by Tomcat from its own stream, within its own maxPostSize.
        if (!gzip && (!RequestBodies.isChunked(request) || isForm(request))) {
            chain.doFilter(request, response);
            return;
        }
        if (gzip && isForm(request)) {
            BodyRefusal.write(request, response, 415, BodyRefusal.UNSUPPORTED_CODING);
            return;
        }
        byte[] body;
        try {
            // All of it read before decoding: GZIPInputStream looks for a further member by available(),
            // which on a socket depends on how the packets happened to arrive.
            body = read(request.getInputStream());
            if (gzip) {
                body = read(new GZIPInputStream(new ByteArrayInputStream(body)));
            }
        } catch (TooLarge e) {
            BodyRefusal.write(request, response, 413, BodyRefusal.tooLarge(maxBytes));
            return;
        } catch (ZipException | EOFException e) {
            BodyRefusal.write(request, response, 400, BodyRefusal.NOT_GZIP);
            return;
        }
        chain.doFilter(new ReadRequest(request, body), response);
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && (type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                || type.toLowerCase(Locale.ROOT).startsWith("multipart/"));
    }

    /** At most {@code maxBytes} of {@code in}. */
    private byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Limited(in, maxBytes).transferTo(out);
        return out.toByteArray();
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
        private BufferedReader reader;

        ReadRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
            this.input = new BodyInput(request, new ByteArrayInputStream(body));
        }

        @Override
        public ServletInputStream getInputStream() {
            return input;
        }

        @Override
        public BufferedReader getReader() throws UnsupportedEncodingException {
            if (reader == null) {
                reader = new BufferedReader(new InputStreamReader(input, charset(getCharacterEncoding())));
            }
            return reader;
        }

        private static Charset charset(String name) throws UnsupportedEncodingException {
            if (name == null) {
                return StandardCharsets.ISO_8859_1;
            }
            try {
                return Charset.forName(name);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new UnsupportedEncodingException("unknown charset");
            }
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
        public int getIntHeader(String name) {
            if (name.equalsIgnoreCase("content-length")) {
                return body.length;
            }
            return hidden(name) ? -1 : super.getIntHeader(name);
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
        private final HttpServletRequest request;
        private final ByteArrayInputStream in;

        BodyInput(HttpServletRequest request, ByteArrayInputStream in) {
            this.request = request;
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
            if (!request.isAsyncStarted()) {
                throw new IllegalStateException("a read listener needs an asynchronous request");
            }
            try {
                listener.onDataAvailable();
                listener.onAllDataRead();
            } catch (IOException e) {
                listener.onError(e);
            }
        }
    }
}
