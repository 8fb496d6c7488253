package fi.avain.routes.voucher;

import java.util.List;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.cxf.common.CxfPayload;
import org.apache.cxf.binding.soap.SoapHeader;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

/**
 * {@code /soap/vouchers}: the voucher system's calls arrive through Camel's CXF consumer as payload
 * (headers and body as XML), so the X-Road headers can be checked and echoed exactly as they came.
 */
@ConditionalOnWebApplication
@Component
class VoucherEventsRoute extends RouteBuilder {
    private final VoucherEvents events;

    VoucherEventsRoute(VoucherEvents events) {
        this.events = events;
    }

    @Override
    public void configure() {
        // A fault is the answer to a refused request, not a failure of the route: without an error
        // handler Camel hands it to CXF as it is, instead of logging each one with its stack trace.
        from("cxf:bean:" + VoucherSoapConfiguration.ENDPOINT)
                .routeId(VoucherEvents.FLOW)
                .errorHandler(noErrorHandler())
                .process(this::answer);
    }

    @SuppressWarnings("unchecked")
    private void answer(Exchange exchange) {
        CxfPayload<SoapHeader> request = exchange.getIn().getBody(CxfPayload.class);
        List<Element> headers = request.getHeaders() == null ? List.of() : request.getHeaders().stream()
                .map(SoapHeader::getObject).filter(Element.class::isInstance).map(Element.class::cast).toList();
        List<Element> body = request.getBody();
        VoucherEvents.Answer answer = events.handle(headers, body == null || body.isEmpty() ? null : body.get(0));
        if (answer.fault() != null) {
            throw answer.fault().toSoapFault();
        }
        List<SoapHeader> echo = answer.echo().stream()
                .map(e -> new SoapHeader(new javax.xml.namespace.QName(e.getNamespaceURI(), e.getLocalName()), e))
                .toList();
        List<Source> out = List.of(new DOMSource(answer.body()));
        exchange.getMessage().setBody(new CxfPayload<>(new java.util.ArrayList<>(echo), out, null));
    }
}
