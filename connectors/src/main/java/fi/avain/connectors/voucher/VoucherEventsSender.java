package fi.avain.connectors.voucher;

import fi.avain.connectors.voucher.events.AvainVoucherService;
import fi.avain.connectors.voucher.events.Refusal;
import fi.avain.connectors.voucher.events.ServiceEventRecorded;
import fi.avain.connectors.voucher.events.ServiceEventRecordedResponse;
import fi.avain.connectors.voucher.events.VoucherAccepted;
import fi.avain.connectors.voucher.events.VoucherAcceptedResponse;
import fi.avain.connectors.voucher.events.VoucherCancelled;
import fi.avain.connectors.voucher.events.VoucherCancelledResponse;
import fi.avain.connectors.voucher.events.VoucherEventsPort;
import fi.avain.connectors.voucher.events.VoucherExpired;
import fi.avain.connectors.voucher.events.VoucherExpiredResponse;
import jakarta.xml.ws.BindingProvider;
import java.time.Duration;
import java.util.Map;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;

/**
 * Plays the voucher system towards Avain's {@code /soap/vouchers}: acceptance, service events,
 * cancellation and expiry, each with X-Road 4.0 headers (the voucher system as client, Avain as the
 * service with the operation as service code). Each call answers the response, the headers Avain
 * echoed and the raw XML; Avain's refusal is a {@link Refusal}, a transport failure a
 * {@code WebServiceException}. Safe for concurrent calls.
 */
public final class VoucherEventsSender implements AutoCloseable {
    private static final long MAX_RESPONSE_BYTES = 1024 * 1024;

    private final VoucherEventsPort port;
    private final Client client;
    private final XRoadIdentity voucherSystem;
    private final XRoadIdentity avain;
    private final String serviceVersion;

    /**
     * @param avainUrl Avain's voucher events endpoint, {@code http://127.0.0.1:8080/soap/vouchers}
     * @param voucherSystem the sender's own X-Road identity, the {@code client} header
     * @param avain Avain's X-Road identity, the {@code service} header
     */
    public VoucherEventsSender(String avainUrl, XRoadIdentity voucherSystem, XRoadIdentity avain,
            String serviceVersion, Duration connectTimeout, Duration readTimeout) {
        this.voucherSystem = voucherSystem;
        this.avain = avain;
        this.serviceVersion = serviceVersion;
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(VoucherEventsPort.class);
        factory.setWsdlURL("classpath:wsdl/avain-vouchers.wsdl");
        factory.setServiceName(AvainVoucherService.SERVICE);
        factory.setEndpointName(AvainVoucherService.VoucherEventsPortSoap11);
        factory.setAddress(avainUrl);
        port = factory.create(VoucherEventsPort.class);
        client = ClientProxy.getClient(port);
        // Each thread's calls carry their own capture in the request context.
        client.setThreadLocalRequestContext(true);
        new SoapClients(connectTimeout, readTimeout).configureClient(client);
    }

    /** With a fresh X-Road id. */
    public SoapReply<VoucherAcceptedResponse> accepted(VoucherAccepted event, String userId) throws Refusal {
        return accepted(event, XRoadHeaders.newId(), userId);
    }

    public SoapReply<VoucherAcceptedResponse> accepted(VoucherAccepted event, String xroadId, String userId)
            throws Refusal {
        return send("voucherAccepted", xroadId, userId, h -> port.voucherAccepted(event, h.client, h.service, h.id,
                h.userId, h.issue, h.protocolVersion));
    }

    /** With a fresh X-Road id. */
    public SoapReply<ServiceEventRecordedResponse> serviceEvent(ServiceEventRecorded event, String userId)
            throws Refusal {
        return serviceEvent(event, XRoadHeaders.newId(), userId);
    }

    public SoapReply<ServiceEventRecordedResponse> serviceEvent(ServiceEventRecorded event, String xroadId,
            String userId) throws Refusal {
        return send("serviceEventRecorded", xroadId, userId, h -> port.serviceEventRecorded(event, h.client,
                h.service, h.id, h.userId, h.issue, h.protocolVersion));
    }

    /** With a fresh X-Road id. */
    public SoapReply<VoucherCancelledResponse> cancelled(VoucherCancelled event, String userId) throws Refusal {
        return cancelled(event, XRoadHeaders.newId(), userId);
    }

    public SoapReply<VoucherCancelledResponse> cancelled(VoucherCancelled event, String xroadId, String userId)
            throws Refusal {
        return send("voucherCancelled", xroadId, userId, h -> port.voucherCancelled(event, h.client, h.service, h.id,
                h.userId, h.issue, h.protocolVersion));
    }

    /** With a fresh X-Road id. */
    public SoapReply<VoucherExpiredResponse> expired(VoucherExpired event, String userId) throws Refusal {
        return expired(event, XRoadHeaders.newId(), userId);
    }

    public SoapReply<VoucherExpiredResponse> expired(VoucherExpired event, String xroadId, String userId)
            throws Refusal {
        return send("voucherExpired", xroadId, userId, h -> port.voucherExpired(event, h.client, h.service, h.id,
                h.userId, h.issue, h.protocolVersion));
    }

    @Override
    public void close() {
        client.destroy();
    }

    @FunctionalInterface
    private interface PortCall<T> {
        T send(XRoadHolders holders) throws Refusal;
    }

    private <T> SoapReply<T> send(String operation, String xroadId, String userId, PortCall<T> call) throws Refusal {
        XRoadHolders holders = XRoadHolders.of(XRoadHeaders.request(voucherSystem, avain, operation, serviceVersion,
                xroadId, userId, null));
        SoapCapture capture = new SoapCapture(MAX_RESPONSE_BYTES);
        Map<String, Object> context = ((BindingProvider) port).getRequestContext();
        context.put(SoapCapture.PROPERTY, capture);
        try {
            T response = call.send(holders);
            return new SoapReply<>(response, holders.read(), capture.xml(), 1);
        } finally {
            context.remove(SoapCapture.PROPERTY);
        }
    }
}
