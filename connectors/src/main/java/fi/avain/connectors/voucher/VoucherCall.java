package fi.avain.connectors.voucher;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import org.apache.cxf.message.MessageContentsList;

/**
 * One call to the voucher system across its attempts, kept as an exchange property: the request and
 * its X-Road headers are fixed when the call starts, so every retry sends the same message with the
 * same X-Road id; each attempt gets fresh holders and a fresh capture.
 */
final class VoucherCall {
    static final String PROPERTY = "AvainVoucherCall";

    private final VoucherOperation operation;
    private final Object request;
    private final XRoadHeaders headers;
    private final long maxResponseBytes;
    private int attempts;
    private XRoadHolders holders;
    private SoapCapture capture;
    private VoucherSystemException finalFailure;

    private VoucherCall(VoucherOperation operation, Object request, XRoadHeaders headers, long maxResponseBytes) {
        this.operation = operation;
        this.request = request;
        this.headers = headers;
        this.maxResponseBytes = maxResponseBytes;
    }

    /** Reads the request from the body and the X-Road id, user and issue from the headers; refuses bad input. */
    static void start(VoucherSettings settings, Exchange exchange) {
        Message message = exchange.getMessage();
        Object request = message.getBody();
        VoucherOperation operation = VoucherOperation.of(request);
        XRoadHeaders headers = XRoadHeaders.request(settings.avainIdentity(), settings.voucherSystemIdentity(),
                operation.operationName, settings.serviceVersion(),
                message.getHeader(VoucherSystemHeaders.XROAD_ID, String.class),
                message.getHeader(VoucherSystemHeaders.USER_ID, String.class),
                message.getHeader(VoucherSystemHeaders.ISSUE, String.class));
        exchange.setProperty(PROPERTY, new VoucherCall(operation, request, headers, settings.maxResponseBytes()));
    }

    /** Puts the request into the message for the next attempt, as the Camel CXF producer takes it. */
    static void prepareAttempt(Exchange exchange) {
        VoucherCall call = of(exchange);
        call.attempts++;
        call.holders = XRoadHolders.of(call.headers);
        call.capture = new SoapCapture(call.maxResponseBytes);
        call.finalFailure = null;
        exchange.setProperty(SoapCapture.PROPERTY, call.capture);
        Message message = exchange.getMessage();
        message.setHeader(CxfConstants.OPERATION_NAME, call.operation.operationName);
        message.setBody(call.holders.arguments(call.request));
    }

    /**
     * Inside the circuit breaker: a final answer (a refusal, a client fault) means the voucher system
     * works, so it is kept for later rather than counted as a failure; anything else is rethrown.
     */
    static void sortFailure(Exchange exchange) {
        VoucherCall call = of(exchange);
        VoucherSystemException failure = call.failure(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        if (failure.isTransient()) {
            throw failure;
        }
        call.finalFailure = failure;
    }

    /** After the circuit breaker: any failure of the attempt, as a {@link VoucherSystemException}. */
    static void failAttempt(Exchange exchange) {
        throw of(exchange).failure(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
    }

    /** After the circuit breaker: throws a final answer kept inside it. */
    static void throwFinalFailure(Exchange exchange) {
        VoucherSystemException failure = of(exchange).finalFailure;
        if (failure != null) {
            throw failure;
        }
    }

    /** Replaces the CXF result with a {@link SoapReply}. */
    static void reply(Exchange exchange) {
        VoucherCall call = of(exchange);
        Message message = exchange.getMessage();
        Object response = call.response(message.getBody());
        message.removeHeader(CxfConstants.OPERATION_NAME);
        message.setBody(new SoapReply<>(response, call.holders.read(), call.capture.xml(), call.attempts));
        exchange.removeProperty(SoapCapture.PROPERTY);
        exchange.removeProperty(PROPERTY);
    }

    private VoucherSystemException failure(Throwable caught) {
        if (caught instanceof VoucherSystemException known) {
            return known;
        }
        return new VoucherSystemException(VoucherFailures.classify(caught), operation.operationName, attempts,
                capture == null ? null : capture.xml());
    }

    private Object response(Object body) {
        if (operation.responseType.isInstance(body)) {
            return body;
        }
        if (body instanceof MessageContentsList contents) {
            for (Object part : contents) {
                if (operation.responseType.isInstance(part)) {
                    return part;
                }
            }
        }
        throw new VoucherSystemException(VoucherSystemException.Failure.permanent("answered without a "
                + operation.responseType.getSimpleName(), null), operation.operationName, attempts, capture.xml());
    }

    private static VoucherCall of(Exchange exchange) {
        return exchange.getProperty(PROPERTY, VoucherCall.class);
    }
}
