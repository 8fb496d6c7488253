package fi.avain.connectors.voucher;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.interceptor.InterceptorProvider;
import org.apache.cxf.interceptor.StaxOutInterceptor;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Keeps the bytes of one SOAP call as they pass: the request as it is written to the connection and
 * the response before anything parses it. A call finds its capture in the property
 * {@link #PROPERTY} of its request context (the Camel CXF producer copies exchange properties
 * there). A response larger than the limit fails the call rather than filling the heap.
 */
final class SoapCapture {
    static final String PROPERTY = "AvainSoapCapture";

    /** The response was larger than the capture's limit. */
    static final class ResponseTooLarge extends IOException {
        ResponseTooLarge(long limit) {
            super("response larger than the limit of " + limit + " bytes");
        }
    }

    private final int limit;
    private final ByteArrayOutputStream request = new ByteArrayOutputStream();
    private volatile byte[] response;

    SoapCapture(long limit) {
        this.limit = (int) Math.min(limit, Integer.MAX_VALUE - 8);
    }

    SoapXml xml() {
        byte[] sent;
        synchronized (request) {
            sent = request.toByteArray();
        }
        byte[] received = response;
        return new SoapXml(sent.length == 0 ? null : new String(sent, StandardCharsets.UTF_8),
                received == null ? null : new String(received, StandardCharsets.UTF_8));
    }

    /** Adds the two interceptors to a client. */
    static void install(InterceptorProvider client) {
        client.getOutInterceptors().add(new Outgoing());
        client.getInInterceptors().add(new Incoming());
    }

    private static SoapCapture of(Message message) {
        Object capture = message.getContextualProperty(PROPERTY);
        Exchange exchange = message.getExchange();
        if (capture == null && exchange != null && exchange.getOutMessage() != null) {
            capture = exchange.getOutMessage().getContextualProperty(PROPERTY);
        }
        return capture instanceof SoapCapture soap ? soap : null;
    }

    /** Copies what is written into the capture, before the XML writer wraps the stream. */
    private static final class Outgoing extends AbstractPhaseInterceptor<Message> {
        Outgoing() {
            super(Phase.PRE_STREAM);
            addBefore(StaxOutInterceptor.class.getName());
        }

        @Override
        public void handleMessage(Message message) {
            SoapCapture capture = of(message);
            OutputStream out = message.getContent(OutputStream.class);
            if (capture != null && out != null) {
                message.setContent(OutputStream.class, new Tee(out, capture));
            }
        }
    }

    /** Reads the whole response, within the limit, and hands the same bytes on. */
    private static final class Incoming extends AbstractPhaseInterceptor<Message> {
        Incoming() {
            super(Phase.RECEIVE);
        }

        @Override
        public void handleMessage(Message message) {
            SoapCapture capture = of(message);
            InputStream in = message.getContent(InputStream.class);
            if (capture == null || in == null || capture.response != null) {
                return;
            }
            try {
                byte[] bytes = in.readNBytes(capture.limit + 1);
                if (bytes.length > capture.limit) {
                    in.close();
                    throw new Fault(new ResponseTooLarge(capture.limit));
                }
                capture.response = bytes;
                message.setContent(InputStream.class, new SequenceInputStream(new ByteArrayInputStream(bytes), in));
            } catch (IOException e) {
                throw new Fault(e);
            }
        }
    }

    private static final class Tee extends FilterOutputStream {
        private final SoapCapture capture;

        Tee(OutputStream out, SoapCapture capture) {
            super(out);
            this.capture = capture;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            synchronized (capture.request) {
                capture.request.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            synchronized (capture.request) {
                capture.request.write(bytes, offset, length);
            }
        }
    }
}
