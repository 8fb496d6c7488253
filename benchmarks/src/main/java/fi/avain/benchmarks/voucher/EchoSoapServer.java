package fi.avain.benchmarks.voucher;

import fi.avain.connectors.simulator.StandaloneSimulator;
import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import org.apache.cxf.binding.soap.SoapHeader;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.w3c.dom.Element;

/**
 * The baseline for the voucher benchmark: a plain CXF JAX-WS service on CXF's Jetty transport, in a
 * JVM of its own, that does what the SOAP layer of {@code /soap/vouchers} does and nothing else. CXF
 * reads the request's headers and body into DOM (as Camel's CXF consumer does in PAYLOAD mode for
 * Avain); the service echoes the request's SOAP headers, as Avain echoes the X-Road headers, and
 * answers with the body element given at start, which the benchmark takes from a real answer of
 * Avain's, so that both answer envelopes are the same size.
 *
 * <pre>
 * java -cp avain-benchmarks.jar fi.avain.benchmarks.voucher.EchoSoapServer --port=0 --answer=response.xml
 * </pre>
 *
 * Prints its endpoint URL ({@code http://127.0.0.1:<port>/soap/echo}) on one line and serves until stopped.
 */
@WebServiceProvider(serviceName = "EchoService", portName = "EchoPort", targetNamespace = EchoSoapServer.NS)
@ServiceMode(Service.Mode.PAYLOAD)
public final class EchoSoapServer implements Provider<DOMSource> {
    static final String NS = "http://avain.fi/benchmarks/echo";
    static final String PATH = "/soap/echo";
    private static final int BIND_ATTEMPTS = 5;

    private final byte[] answer;
    private final ThreadLocal<DocumentBuilder> builders = ThreadLocal.withInitial(EchoSoapServer::builder);

    EchoSoapServer(byte[] answer) {
        this.answer = answer.clone();
        builders.get();
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(StandaloneSimulator.option(args, "port", "0"));
        String answerFile = StandaloneSimulator.option(args, "answer", null);
        if (answerFile == null) {
            throw new IllegalArgumentException("--answer=<file with the body element to answer with> is required");
        }
        EchoSoapServer echo = new EchoSoapServer(Files.readAllBytes(Path.of(answerFile)));
        RuntimeException failure = null;
        for (int attempt = 0; attempt < (port == 0 ? BIND_ATTEMPTS : 1); attempt++) {
            String url = "http://127.0.0.1:" + (port == 0 ? freePort() : port) + PATH;
            try {
                EndpointImpl endpoint = new EndpointImpl(echo);
                endpoint.getOutInterceptors().add(new EchoHeaders());
                endpoint.publish(url);
                StandaloneSimulator.serveUntilStopped(endpoint::stop, url);
                return;
            } catch (RuntimeException e) {
                // another process may have taken the free port in between
                failure = e;
            }
        }
        throw failure;
    }

    @Override
    public DOMSource invoke(DOMSource request) {
        try {
            return new DOMSource(builders.get().parse(new ByteArrayInputStream(answer)).getDocumentElement());
        } catch (Exception e) {
            throw new IllegalStateException("the answer could not be read", e);
        }
    }

    /** The request's SOAP headers back on the answer, in their order, as new outbound headers. */
    static final class EchoHeaders extends AbstractSoapInterceptor {
        EchoHeaders() {
            super(Phase.PRE_PROTOCOL);
        }

        @Override
        public void handleMessage(SoapMessage answer) {
            Message in = answer.getExchange().getInMessage();
            if (!(in instanceof SoapMessage request)) {
                return;
            }
            for (Header header : request.getHeaders()) {
                if (header.getObject() instanceof Element element) {
                    answer.getHeaders().add(new SoapHeader(header.getName(), element));
                }
            }
        }
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
