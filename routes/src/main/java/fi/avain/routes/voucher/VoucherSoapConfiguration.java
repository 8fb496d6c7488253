package fi.avain.routes.voucher;

import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.camel.CamelContext;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.cxf.Bus;
import org.apache.cxf.logging.NoOpFaultListener;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Avain's voucher service on CXF's servlet under {@code /soap}, published with the WSDL kept in the
 * source tree (so {@code /soap/vouchers?wsdl} is the contract as written, X-Road extras included).
 * A job run has no web server and serves no SOAP.
 */
@ConditionalOnWebApplication
@Configuration
class VoucherSoapConfiguration {
    static final String ENDPOINT = "voucherEventsEndpoint";
    static final String NS = VoucherFaults.NS;

    @Bean(ENDPOINT)
    CxfEndpoint voucherEventsEndpoint(CamelContext camel, Bus bus) {
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setCamelContext(camel);
        endpoint.setBus(bus);
        endpoint.setAddress("/vouchers");
        endpoint.setWsdlURL("classpath:wsdl/avain-vouchers.wsdl");
        endpoint.setServiceNameAsQName(new QName(NS, "AvainVoucherService"));
        endpoint.setPortNameAsQName(new QName(NS, "VoucherEventsPortSoap11"));
        endpoint.setDataFormat(DataFormat.PAYLOAD);
        // Parser limits: a voucher request is a few hundred bytes of shallow XML.
        endpoint.setProperties(new java.util.HashMap<>(Map.of(
                "org.apache.cxf.stax.maxChildElements", 200,
                "org.apache.cxf.stax.maxElementDepth", 20,
                "org.apache.cxf.stax.maxAttributeCount", 50,
                "org.apache.cxf.stax.maxTextLength", 65536,
                "org.apache.cxf.stax.maxElementCount", 5000,
                // faults quote what the sender sent; the message store keeps them, masked, not the log
                "org.apache.cxf.logging.FaultListener", new NoOpFaultListener())));
        endpoint.getInInterceptors().add(new SoapBodyRequired());
        endpoint.getInInterceptors().add(new FaultCodeRequired.RequestRead());
        endpoint.getOutFaultInterceptors().add(new FaultCodeRequired());
        return endpoint;
    }
}
