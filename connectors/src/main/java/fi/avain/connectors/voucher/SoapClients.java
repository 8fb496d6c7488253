package fi.avain.connectors.voucher;

import java.time.Duration;
import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.AbstractWSDLBasedEndpointFactory;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.logging.NoOpFaultListener;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

/**
 * What every SOAP client of Avain's sets on its CXF client: explicit connect and read timeouts (no
 * library default decides them), no redirects, the capture of the raw XML, and no fault logging by
 * CXF (a remote fault string may quote the request; the caller reports the failure once, without it).
 */
final class SoapClients implements CxfConfigurer {
    private final Duration connectTimeout;
    private final Duration readTimeout;

    SoapClients(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    @Override
    public void configure(AbstractWSDLBasedEndpointFactory factoryBean) {
        // Nothing to set before the client exists.
    }

    @Override
    public void configureClient(Client client) {
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(connectTimeout.toMillis());
        policy.setConnectionRequestTimeout(connectTimeout.toMillis());
        policy.setReceiveTimeout(readTimeout.toMillis());
        policy.setAutoRedirect(false);
        ((HTTPConduit) client.getConduit()).setClient(policy);
        client.getEndpoint().put(FaultListener.class.getName(), new NoOpFaultListener());
        SoapCapture.install(client);
    }

    @Override
    public void configureServer(Server server) {
        // Only clients.
    }
}
