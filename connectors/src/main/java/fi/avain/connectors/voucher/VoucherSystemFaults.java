package fi.avain.connectors.voucher;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.binding.soap.model.SoapHeaderInfo;
import org.apache.cxf.message.MessageContentsList;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.service.model.BindingOperationInfo;
import org.apache.cxf.service.model.MessagePartInfo;
import org.apache.cxf.transport.http.AbstractHTTPDestination;

/**
 * Runs in the simulator once a request is read (operation and headers known) and before the
 * operation: counts the call and injects the fault the simulator was told to, if any.
 */
final class VoucherSystemFaults extends AbstractSoapInterceptor {
    private static final QName XROAD_ID = new QName("http://x-road.eu/xsd/xroad.xsd", "id");
    private static final byte[] UNAVAILABLE_PAGE = "<html><body><h1>503 Service Unavailable</h1></body></html>"
            .getBytes(StandardCharsets.UTF_8);

    private final VoucherSystemSimulator simulator;

    VoucherSystemFaults(VoucherSystemSimulator simulator) {
        super(Phase.USER_LOGICAL);
        this.simulator = simulator;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        BindingOperationInfo operation = message.getExchange().getBindingOperationInfo();
        if (operation == null) {
            return;
        }
        Optional<VoucherSystemFault> fault = simulator.received(operation.getName().getLocalPart(), xroadId(message, operation));
        if (fault.isEmpty()) {
            return;
        }
        switch (fault.get()) {
            case SERVER_FAULT -> throw new SoapFault("injected server fault", Soap11.getInstance().getReceiver());
            case CLIENT_FAULT -> throw new SoapFault("injected client fault", Soap11.getInstance().getSender());
            case HTTP_503 -> unavailable(message);
            case SLOW -> simulator.holdBack();
        }
    }

    /** The id header, from the arguments: once bound to an argument, a header is no longer in the header list. */
    private static String xroadId(SoapMessage message, BindingOperationInfo operation) {
        MessageContentsList arguments = MessageContentsList.getContentsList(message);
        List<SoapHeaderInfo> headers = operation.getInput().getExtensors(SoapHeaderInfo.class);
        if (arguments == null || headers == null) {
            return null;
        }
        for (SoapHeaderInfo header : headers) {
            MessagePartInfo part = header.getPart();
            if (XROAD_ID.equals(part.getConcreteName()) && arguments.hasValue(part)) {
                Object value = arguments.get(part);
                return value == null ? null : value.toString();
            }
        }
        return null;
    }

    /** Answers 503 with an HTML page and stops: nothing of SOAP reaches the client. */
    private static void unavailable(SoapMessage message) {
        HttpServletResponse response = (HttpServletResponse) message.get(AbstractHTTPDestination.HTTP_RESPONSE);
        try {
            response.setStatus(503);
            response.setContentType("text/html; charset=utf-8");
            response.setContentLength(UNAVAILABLE_PAGE.length);
            response.getOutputStream().write(UNAVAILABLE_PAGE);
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        message.getInterceptorChain().abort();
    }
}
