package fi.avain.routes.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/** The probe against a real HTTP server on loopback, answering as the outside systems do. */
class ConnectorProbeTest {
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        answer("/rest", 404, "application/json", "{}");
        answer("/broken", 503, "text/html", "<html>down</html>");
        answer("/soap", 500, "text/xml;charset=utf-8", "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/"
                + "envelope/\"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>No binding "
                + "operation info</faultstring></soap:Fault></soap:Body></soap:Envelope>");
        answer("/failing-soap", 500, "text/html", "<html>Internal Server Error</html>");
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anyAnswerBelow500IsUp() {
        assertThat(probe("/rest", false).getStatus()).isEqualTo(Status.UP);
        assertThat(probe("/rest", false).getDetails()).containsEntry("httpStatus", 404);
    }

    @Test
    void aServerErrorIsDown() {
        assertThat(probe("/broken", false).getStatus()).isEqualTo(Status.DOWN);
        assertThat(probe("/broken", true).getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void aSoapServiceThatAnswersABareGetWithAFaultIsUp() {
        assertThat(probe("/soap", true).getStatus()).isEqualTo(Status.UP);
        assertThat(probe("/failing-soap", true).getStatus()).isEqualTo(Status.DOWN);
        assertThat(probe("/soap", false).getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void aRefusedConnectionIsDown() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        var health = new ConnectorProbe("http://127.0.0.1:" + closed + "/", true, Clock.systemUTC()).health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("error", "ConnectException");
    }

    private org.springframework.boot.actuate.health.Health probe(String path, boolean soap) {
        return new ConnectorProbe("http://127.0.0.1:" + server.getAddress().getPort() + path, soap, Clock.systemUTC())
                .health();
    }

    private void answer(String path, int status, String type, String body) {
        server.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }
}
