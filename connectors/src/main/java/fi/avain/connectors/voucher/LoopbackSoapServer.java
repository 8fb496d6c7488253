package fi.avain.connectors.voucher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.function.Consumer;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;

/**
 * A CXF JAX-WS service on its own Jetty server on 127.0.0.1, with a bus of its own so that closing
 * it stops that Jetty server and nothing else.
 */
final class LoopbackSoapServer implements AutoCloseable {
    private static final int BIND_ATTEMPTS = 5;

    private final Bus bus;
    private final Server server;
    private final String url;
    private boolean closed;

    private LoopbackSoapServer(Bus bus, Server server, String url) {
        this.bus = bus;
        this.server = server;
        this.url = url;
    }

    /**
     * @param port a port, or 0 for a free one
     * @param path the service's path, such as {@code /soap/voucher-system}
     * @param service sets the service class, implementor, WSDL and interceptors
     */
    static LoopbackSoapServer start(int port, String path, Consumer<JaxWsServerFactoryBean> service) {
        Bus bus = privateBus();
        RuntimeException failure = null;
        for (int attempt = 0; attempt < (port == 0 ? BIND_ATTEMPTS : 1); attempt++) {
            String url = "http://127.0.0.1:" + (port == 0 ? freePort() : port) + path;
            try {
                JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();
                factory.setBus(bus);
                factory.setAddress(url);
                service.accept(factory);
                return new LoopbackSoapServer(bus, factory.create(), url);
            } catch (RuntimeException e) {
                // Another process may have taken the free port in between; try another.
                failure = e;
            }
        }
        bus.shutdown(true);
        throw failure;
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    String url() {
        return url;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.destroy();
            bus.shutdown(true);
        }
    }

    /** CXF makes the first bus created the default one, which clients elsewhere in the JVM would then share. */
    private static Bus privateBus() {
        Bus bus = BusFactory.newInstance().createBus();
        if (BusFactory.getDefaultBus(false) == bus) {
            BusFactory.setDefaultBus(null);
        }
        BusFactory.clearDefaultBusForAnyThread(bus);
        return bus;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }
}
