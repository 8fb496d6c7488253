package fi.avain.routes.voucher;

import fi.avain.budget.Vouchers.VoucherKind;
import fi.avain.budget.Vouchers.VoucherView;
import fi.avain.connectors.voucher.SoapReply;
import fi.avain.connectors.voucher.SoapXml;
import fi.avain.connectors.voucher.VoucherSystemClient;
import fi.avain.connectors.voucher.VoucherSystemException;
import fi.avain.connectors.voucher.system.CancelVoucher;
import fi.avain.connectors.voucher.system.IssueVoucher;
import fi.avain.connectors.voucher.system.IssueVoucherResponse;
import fi.avain.mappings.model.Hetu;
import fi.avain.routes.messages.InboundMessage;
import fi.avain.routes.messages.MessageStatus;
import fi.avain.routes.messages.MessageStore;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The voucher system over SOAP through the connector's Camel route, every request kept in the message
 * store as it was sent (flow {@code voucher-system}): processed when answered, in the error store with
 * the reason when the retries ran out or the voucher system refused.
 */
final class VoucherSystemCallsOverSoap implements VoucherSystemCalls {
    static final String FLOW = "voucher-system";
    private static final java.util.Set<String> ISSUED = java.util.Set.of("ISSUED", "ACCEPTED");

    private final VoucherSystemClient client;
    private final MessageStore messages;

    VoucherSystemCallsOverSoap(VoucherSystemClient client, MessageStore messages) {
        this.client = client;
        this.messages = messages;
    }

    @Override
    public String issue(VoucherView voucher, Hetu clientCode, String xroadId, String userId) {
        IssueVoucher request = new IssueVoucher();
        request.setVoucherId(voucher.id());
        request.setTenant(voucher.tenant());
        request.setClientIdentityCode(clientCode.unmasked());
        request.setBudgetId(voucher.budgetId().toString());
        request.setLineCode(voucher.lineCode());
        request.getServiceClass().addAll(voucher.serviceClasses().stream().sorted().toList());
        request.setKind(fi.avain.connectors.voucher.types.VoucherKind.valueOf(voucher.kind().name()));
        if (voucher.kind() == VoucherKind.SINGLE) {
            request.setUnitValue(BigDecimal.valueOf(voucher.unitValueCents(), 2));
            request.setQuantity(BigInteger.valueOf(voucher.quantity()));
        } else {
            request.setBalance(BigDecimal.valueOf(voucher.valueCents(), 2));
            if (voucher.unitValueCents() > 0) {
                request.setUnitValue(BigDecimal.valueOf(voucher.unitValueCents(), 2));
            }
        }
        request.setValidFrom(SoapFields.xmlDate(voucher.validFrom()));
        request.setValidUntil(SoapFields.xmlDate(voucher.validUntil()));
        request.setProviderBusinessId(voucher.providerBusinessId());
        SoapReply<?> reply = call("issueVoucher", voucher, xroadId, () -> client.issue(request, xroadId, userId));
        IssueVoucherResponse response = (IssueVoucherResponse) reply.response();
        if (!voucher.id().equals(response.getVoucherId()) || response.getVoucherNumber() == null
                || response.getVoucherNumber().isBlank() || response.getStatus() == null
                || !ISSUED.contains(response.getStatus().name())) {
            throw new VoucherSystemCalls.VoucherSystemFailure("voucher-system: issueVoucher answered voucher "
                    + response.getVoucherId() + " in status " + response.getStatus() + " for voucher " + voucher.id(),
                    true, null);
        }
        return response.getVoucherNumber();
    }

    @Override
    public void cancel(VoucherView voucher, String reason, String xroadId, String userId) {
        CancelVoucher request = new CancelVoucher();
        request.setVoucherId(voucher.id());
        request.setReason(reason);
        call("cancelVoucher", voucher, xroadId, () -> client.cancel(request, xroadId, userId));
    }

    private SoapReply<?> call(String operation, VoucherView voucher, String xroadId,
                              java.util.function.Supplier<SoapReply<?>> send) {
        try {
            SoapReply<?> reply = send.get();
            store(operation, voucher, xroadId, reply.xml(), MessageStatus.PROCESSED, null);
            return reply;
        } catch (VoucherSystemException e) {
            store(operation, voucher, xroadId, e.xml(), MessageStatus.ERROR, e.getMessage());
            throw new VoucherSystemCalls.VoucherSystemFailure(e.getMessage(), e.isRefusal(), e);
        } catch (RuntimeException e) {
            // the route could not be used at all (the application still starting or stopping)
            String reason = "voucher-system: " + operation + " could not be sent: " + e.getClass().getSimpleName();
            store(operation, voucher, xroadId, null, MessageStatus.ERROR, reason);
            throw new VoucherSystemCalls.VoucherSystemFailure(reason, false, e);
        }
    }

    /** Kept in the message store; the call's outcome stands even when the store cannot be written. */
    private void store(String operation, VoucherView voucher, String xroadId, SoapXml xml, MessageStatus status,
                       String reason) {
        try {
            record(operation, voucher, xroadId, xml, status, reason);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(VoucherSystemCallsOverSoap.class).warn(
                    "{} for voucher {} could not be stored: {}", operation, voucher.id(), e.getClass().getName());
        }
    }

    private void record(String operation, VoucherView voucher, String xroadId, SoapXml xml, MessageStatus status,
                        String reason) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("voucherId", voucher.id());
        keys.put("operation", operation);
        String body = xml == null || xml.request() == null ? "" : xml.request();
        messages.record(UUID.randomUUID(), new InboundMessage(FLOW, xroadId, voucher.tenant(), keys, "text/xml",
                body.getBytes(StandardCharsets.UTF_8)), status, reason);
    }

}
