package fi.avain.connectors.voucher;

import fi.avain.connectors.voucher.SimulatedVouchers.Refused;
import fi.avain.connectors.voucher.SimulatedVouchers.Voucher;
import fi.avain.connectors.voucher.system.CancelVoucher;
import fi.avain.connectors.voucher.system.CancelVoucherResponse;
import fi.avain.connectors.voucher.system.GetVoucher;
import fi.avain.connectors.voucher.system.GetVoucherResponse;
import fi.avain.connectors.voucher.system.IssueVoucher;
import fi.avain.connectors.voucher.system.IssueVoucherResponse;
import fi.avain.connectors.voucher.system.Refusal;
import fi.avain.connectors.voucher.system.VoucherSystemPort;
import fi.avain.connectors.voucher.types.VoucherFault;
import fi.avain.connectors.voucher.xroad.XRoadClientIdentifierType;
import fi.avain.connectors.voucher.xroad.XRoadServiceIdentifierType;
import jakarta.jws.WebService;
import jakarta.xml.ws.Holder;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapFault;

/**
 * The simulated voucher system's SOAP operations. The X-Road headers are checked first (protocol
 * 4.0, a message id, Avain as the client, this system and the operation as the service) and answered
 * with a SOAP {@code Client} fault when wrong; the holders are left as they came, so the response
 * echoes the request's headers.
 */
@WebService(
        serviceName = "VoucherSystemService",
        portName = "VoucherSystemPortSoap11",
        targetNamespace = "http://avain.fi/voucher-system/v1",
        wsdlLocation = "classpath:wsdl/voucher-system.wsdl",
        endpointInterface = "fi.avain.connectors.voucher.system.VoucherSystemPort")
final class VoucherSystemEndpoint implements VoucherSystemPort {
    private final SimulatedVouchers vouchers;
    private final XRoadIdentity self;
    private final XRoadIdentity avain;

    VoucherSystemEndpoint(SimulatedVouchers vouchers, XRoadIdentity self, XRoadIdentity avain) {
        this.vouchers = vouchers;
        this.self = self;
        this.avain = avain;
    }

    @Override
    public IssueVoucherResponse issueVoucher(IssueVoucher body, Holder<XRoadClientIdentifierType> client,
            Holder<XRoadServiceIdentifierType> service, Holder<String> id, Holder<String> userId, Holder<String> issue,
            Holder<String> protocolVersion) throws Refusal {
        XRoadHeaders headers = check("issueVoucher", XRoadHolders.read(client, service, id, userId, issue, protocolVersion));
        Voucher voucher = answer(() -> vouchers.issue(body, headers.id()));
        IssueVoucherResponse response = new IssueVoucherResponse();
        response.setVoucherId(voucher.voucherId());
        response.setVoucherNumber(voucher.voucherNumber());
        response.setStatus(voucher.status());
        return response;
    }

    @Override
    public CancelVoucherResponse cancelVoucher(CancelVoucher body, Holder<XRoadClientIdentifierType> client,
            Holder<XRoadServiceIdentifierType> service, Holder<String> id, Holder<String> userId, Holder<String> issue,
            Holder<String> protocolVersion) throws Refusal {
        check("cancelVoucher", XRoadHolders.read(client, service, id, userId, issue, protocolVersion));
        Voucher voucher = answer(() -> vouchers.cancel(body.getVoucherId()));
        CancelVoucherResponse response = new CancelVoucherResponse();
        response.setVoucherId(voucher.voucherId());
        response.setStatus(voucher.status());
        return response;
    }

    @Override
    public GetVoucherResponse getVoucher(GetVoucher body, Holder<XRoadClientIdentifierType> client,
            Holder<XRoadServiceIdentifierType> service, Holder<String> id, Holder<String> userId, Holder<String> issue,
            Holder<String> protocolVersion) throws Refusal {
        check("getVoucher", XRoadHolders.read(client, service, id, userId, issue, protocolVersion));
        Voucher voucher = answer(() -> vouchers.get(body.getVoucherId()));
        GetVoucherResponse response = new GetVoucherResponse();
        response.setVoucherId(voucher.voucherId());
        response.setVoucherNumber(voucher.voucherNumber());
        response.setStatus(voucher.status());
        response.setProviderBusinessId(voucher.providerBusinessId());
        return response;
    }

    private XRoadHeaders check(String operation, XRoadHeaders headers) {
        if (!XRoadHeaders.PROTOCOL_VERSION.equals(headers.protocolVersion())) {
            throw clientFault("InvalidProtocolVersion", "protocolVersion must be " + XRoadHeaders.PROTOCOL_VERSION);
        }
        if (headers.id() == null || headers.id().isBlank()) {
            throw clientFault("MissingHeader", "the id header is required");
        }
        if (!avain.equals(headers.client())) {
            throw clientFault("AccessDenied", "client " + headers.client() + " may not call this service");
        }
        if (!self.equals(headers.service()) || !operation.equals(headers.serviceCode())) {
            throw clientFault("InvalidService", "service must be " + self + "/" + operation);
        }
        return headers;
    }

    private static SoapFault clientFault(String code, String message) {
        return new SoapFault(message, new QName(Soap11.getInstance().getNamespace(), "Client." + code));
    }

    @FunctionalInterface
    private interface Action {
        Voucher run() throws Refused;
    }

    private static Voucher answer(Action action) throws Refusal {
        try {
            return action.run();
        } catch (Refused e) {
            VoucherFault fault = new VoucherFault();
            fault.setFaultCode(e.code);
            fault.setFaultString(e.getMessage());
            throw new Refusal(e.getMessage(), fault);
        }
    }
}
