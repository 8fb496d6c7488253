package fi.avain.connectors.voucher;

import fi.avain.connectors.ConnectorRetries;
import fi.avain.connectors.voucher.system.VoucherSystemPort;
import fi.avain.connectors.voucher.system.VoucherSystemService;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfComponent;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.camel.support.DefaultHeaderFilterStrategy;

/**
 * Calls the voucher system's SOAP service through Camel's CXF component. {@code direct:voucher-system}
 * takes an {@code IssueVoucher}, {@code CancelVoucher} or {@code GetVoucher} body and the headers in
 * {@link VoucherSystemHeaders}, and answers a {@link SoapReply} with the response, the echoed X-Road
 * headers and the raw XML. Around each attempt a Resilience4j circuit breaker; transient failures are
 * retried with exponential backoff and the same X-Road id; a final failure is a
 * {@link VoucherSystemException}.
 */
public final class VoucherSystemRoute extends RouteBuilder {
    public static final String ENDPOINT = "direct:voucher-system";
    private static final String ATTEMPT = "direct:voucher-system-attempt";
    private static final String SEND = "direct:voucher-system-send";

    private final VoucherSettings settings;

    public VoucherSystemRoute(VoucherSettings settings) {
        this.settings = settings;
    }

    @Override
    public void configure() {
        // Callers decide how to log a failed call; Camel's own exhausted log would repeat it.
        errorHandler(defaultErrorHandler().logExhausted(false));
        configureCall();
        configureAttempt();
        configureSend();
    }

    private void configureCall() {
        ConnectorRetries.retryTransientFailures(from(ENDPOINT).routeId("voucher-system"), settings.maxRetries(),
                        settings.retryBackoff())
                .process(exchange -> VoucherCall.start(settings, exchange))
                .to(ATTEMPT)
                .process(VoucherCall::reply);
    }

    private void configureAttempt() {
        from(ATTEMPT).routeId("voucher-system-attempt")
                .errorHandler(noErrorHandler())
                .process(VoucherCall::prepareAttempt)
                .doTry()
                    .circuitBreaker()
                        .resilience4jConfiguration(settings.circuitBreaker().resilience4j())
                        .to(SEND)
                    .endCircuitBreaker()
                .endDoTry()
                .doCatch(Exception.class)
                    .process(VoucherCall::failAttempt)
                .end()
                .process(VoucherCall::throwFinalFailure);
    }

    private void configureSend() {
        from(SEND).routeId("voucher-system-send")
                .errorHandler(noErrorHandler())
                .doTry()
                    .to(cxfEndpoint())
                .doCatch(Exception.class)
                    .process(VoucherCall::sortFailure)
                .end();
    }

    private CxfEndpoint cxfEndpoint() {
        String address = settings.baseUrl().toString();
        CxfEndpoint endpoint = new CxfEndpoint("cxf://" + address, getContext().getComponent("cxf", CxfComponent.class));
        endpoint.setCamelContext(getContext());
        endpoint.setAddress(address);
        endpoint.setServiceClass(VoucherSystemPort.class);
        endpoint.setWsdlURL("classpath:wsdl/voucher-system.wsdl");
        endpoint.setServiceNameAsQName(VoucherSystemService.SERVICE);
        endpoint.setPortNameAsQName(VoucherSystemService.VoucherSystemPortSoap11);
        endpoint.setDataFormat(DataFormat.POJO);
        // Synchronous, so the timeouts and the circuit breaker act on the caller's thread.
        endpoint.setSynchronous(true);
        // The CXF client is built from the WSDL on the first call, not at start-up: a job that issues
        // no voucher does not pay for it.
        endpoint.setLazyStartProducer(true);
        endpoint.setHeaderFilterStrategy(noHeaders());
        endpoint.setCxfConfigurer(new SoapClients(settings.connectTimeout(), settings.readTimeout()));
        return endpoint;
    }

    /** The exchange's headers stay inside Avain, and HTTP response headers stay out of the exchange. */
    private static DefaultHeaderFilterStrategy noHeaders() {
        DefaultHeaderFilterStrategy filter = new DefaultHeaderFilterStrategy();
        filter.setOutFilterPattern(".*");
        filter.setInFilterPattern(".*");
        return filter;
    }
}
