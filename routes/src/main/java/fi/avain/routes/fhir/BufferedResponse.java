package fi.avain.routes.fhir;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * HAPI's JSON writer flushes after every value; straight onto the servlet's stream that sends a large
 * Bundle as tens of thousands of tiny HTTP chunks. This response holds what is written in a buffer and
 * passes a flush on only when the request is done.
 */
final class BufferedResponse extends HttpServletResponseWrapper {
    private static final int BUFFER = 64 * 1024;
    private final HttpServletResponse response;
    private BufferedStream stream;
    private PrintWriter writer;

    BufferedResponse(HttpServletResponse response) {
        super(response);
        this.response = response;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (writer != null) {
            throw new IllegalStateException("getWriter() was called first");
        }
        if (stream == null) {
            stream = new BufferedStream(response.getOutputStream());
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            if (stream != null) {
                throw new IllegalStateException("getOutputStream() was called first");
            }
            stream = new BufferedStream(response.getOutputStream());
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            writer = new PrintWriter(new OutputStreamWriter(stream, charset), false);
        }
        return writer;
    }

    @Override
    public void flushBuffer() {
        // held until finish()
    }

    /** Sends what is held; called once the request has been served. */
    void finish() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        if (stream != null) {
            stream.release();
        }
    }

    private static final class BufferedStream extends ServletOutputStream {
        private final ServletOutputStream target;
        private final OutputStream buffer;

        BufferedStream(ServletOutputStream target) {
            this.target = target;
            this.buffer = new BufferedOutputStream(target, BUFFER);
        }

        @Override
        public void write(int b) throws IOException {
            buffer.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            buffer.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            // held until release()
        }

        @Override
        public void close() throws IOException {
            release();
        }

        void release() throws IOException {
            buffer.flush();
            target.flush();
        }

        @Override
        public boolean isReady() {
            return target.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            target.setWriteListener(listener);
        }
    }
}
