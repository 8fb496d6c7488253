package fi.avain.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One kept-alive HTTP/1.1 connection to an endpoint on loopback, used by one thread at a time: it
 * writes a POST and reads the whole answer, plain or chunked. Little CPU per request, so that on a
 * 2-core machine the driver takes as little as it can from the servers it measures (a driver on the
 * JDK's HttpClient used about 2 ms of CPU per request there).
 */
public final class LoopbackHttp implements AutoCloseable {
    private final InetSocketAddress address;
    private final String path;
    private final String host;
    private final int timeoutMillis;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(4096);
    private final StringBuilder line = new StringBuilder(128);
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private long requestsOnConnection;
    private boolean answerStarted;
    private long connects;

    /** An answer: its status and body. */
    public record Response(int status, String body, int bodyBytes) {
    }

    public LoopbackHttp(URI endpoint, int timeoutMillis) {
        if (!"http".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("only http: " + endpoint);
        }
        this.address = new InetSocketAddress(endpoint.getHost(), endpoint.getPort());
        if (!address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("the driver only talks to loopback: " + endpoint);
        }
        this.path = endpoint.getRawPath();
        this.host = endpoint.getHost() + ":" + endpoint.getPort();
        this.timeoutMillis = timeoutMillis;
    }

    /** Connections opened so far (a server may close a kept-alive one after so many requests). */
    public long connects() {
        return connects;
    }

    /** A SOAP 1.1 POST of the envelope. */
    public Response post(byte[] xml) throws IOException {
        return post("Content-Type: text/xml; charset=UTF-8\r\nSOAPAction: \"\"\r\n", xml);
    }

    /** A POST of the body with the header lines given, each ending in CRLF. */
    public Response post(String headers, byte[] content) throws IOException {
        boolean reused = socket != null && requestsOnConnection > 0;
        try {
            return exchange(headers, content);
        } catch (SocketException | EOFException e) {
            // A kept-alive connection the server had closed before this request: one more try on a new
            // one, only when no byte of an answer came back, so the server did not take the request.
            if (!reused || answerStarted) {
                throw e;
            }
            return exchange(headers, content);
        }
    }

    private Response exchange(String headers, byte[] content) throws IOException {
        answerStarted = false;
        if (socket == null) {
            connect();
        }
        try {
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + headers + "Content-Length: "
                    + content.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            requestsOnConnection++;
            return read();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(timeoutMillis);
        s.connect(address, timeoutMillis);
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 16384);
        out = new BufferedOutputStream(s.getOutputStream(), 16384);
        requestsOnConnection = 0;
        connects++;
    }

    private Response read() throws IOException {
        String status = line();
        if (status == null) {
            throw new EOFException("no answer: the connection was closed");
        }
        if (!status.startsWith("HTTP/1.") || status.length() < 12) {
            throw new IOException("not an HTTP status line: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = status.startsWith("HTTP/1.0");
        for (String header = required(line()); !header.isEmpty(); header = required(line())) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase().contains("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                close = value.equalsIgnoreCase("close");
            }
        }
        body.reset();
        if (chunked) {
            while (true) {
                String size = required(line());
                int semicolon = size.indexOf(';');
                long n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (n == 0) {
                    while (!required(line()).isEmpty()) {
                        // trailers
                    }
                    break;
                }
                copy(n);
                required(line());
            }
        } else if (length >= 0) {
            copy(length);
        } else {
            in.transferTo(body);
            close = true;
        }
        Response response = new Response(code, body.toString(StandardCharsets.UTF_8), body.size());
        if (close) {
            close();
        }
        return response;
    }

    private void copy(long n) throws IOException {
        byte[] chunk = new byte[8192];
        long left = n;
        while (left > 0) {
            int read = in.read(chunk, 0, (int) Math.min(chunk.length, left));
            if (read < 0) {
                throw new EOFException("the answer ended early");
            }
            body.write(chunk, 0, read);
            left -= read;
        }
    }

    /** A line without its CRLF; null at the end of the stream before any byte of it. */
    private String line() throws IOException {
        line.setLength(0);
        int c;
        while ((c = in.read()) >= 0) {
            answerStarted = true;
            if (c == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            line.append((char) c);
        }
        if (line.length() == 0) {
            return null;
        }
        throw new EOFException("the answer ended in the middle of a line");
    }

    private static String required(String line) throws EOFException {
        if (line == null) {
            throw new EOFException("the answer ended in its headers");
        }
        return line;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing is all that was wanted
            }
            socket = null;
        }
    }
}
