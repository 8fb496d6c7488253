package fi.avain.connectors.voucher;

import fi.avain.connectors.voucher.system.CancelVoucher;
import fi.avain.connectors.voucher.system.CancelVoucherResponse;
import fi.avain.connectors.voucher.system.GetVoucher;
import fi.avain.connectors.voucher.system.GetVoucherResponse;
import fi.avain.connectors.voucher.system.IssueVoucher;
import fi.avain.connectors.voucher.system.IssueVoucherResponse;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * The voucher system's operations as plain methods, sent through {@link VoucherSystemRoute}. Each
 * answers a {@link SoapReply} whose {@code xml()} is the request exactly as sent and the response as
 * received, for the message store; each failure is a {@link VoucherSystemException} carrying the same.
 * Repeat a call that may have reached the voucher system with the same {@code xroadId}.
 */
public final class VoucherSystemClient {
    private final ProducerTemplate template;

    public VoucherSystemClient(ProducerTemplate template) {
        this.template = template;
    }

    public SoapReply<IssueVoucherResponse> issue(IssueVoucher request, String xroadId, String userId) {
        return issue(request, xroadId, userId, null);
    }

    /** @param issue the X-Road {@code issue} header, a case reference; may be null */
    public SoapReply<IssueVoucherResponse> issue(IssueVoucher request, String xroadId, String userId, String issue) {
        return send(request, xroadId, userId, issue);
    }

    public SoapReply<CancelVoucherResponse> cancel(CancelVoucher request, String xroadId, String userId) {
        return cancel(request, xroadId, userId, null);
    }

    public SoapReply<CancelVoucherResponse> cancel(CancelVoucher request, String xroadId, String userId, String issue) {
        return send(request, xroadId, userId, issue);
    }

    public SoapReply<GetVoucherResponse> get(GetVoucher request, String xroadId, String userId) {
        return get(request, xroadId, userId, null);
    }

    public SoapReply<GetVoucherResponse> get(GetVoucher request, String xroadId, String userId, String issue) {
        return send(request, xroadId, userId, issue);
    }

    @SuppressWarnings("unchecked")
    private <T> SoapReply<T> send(Object request, String xroadId, String userId, String issue) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(VoucherSystemHeaders.XROAD_ID, xroadId);
        headers.put(VoucherSystemHeaders.USER_ID, userId);
        if (issue != null) {
            headers.put(VoucherSystemHeaders.ISSUE, issue);
        }
        Exchange exchange = template.request(VoucherSystemRoute.ENDPOINT, out -> {
            out.getMessage().setBody(request);
            out.getMessage().setHeaders(headers);
        });
        Exception failure = exchange.getException();
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure != null) {
            throw new IllegalStateException("the voucher system call failed", failure);
        }
        return exchange.getMessage().getBody(SoapReply.class);
    }
}
