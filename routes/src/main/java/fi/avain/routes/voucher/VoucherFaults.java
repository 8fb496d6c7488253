package fi.avain.routes.voucher;

import fi.avain.routes.messages.PersonalDataMasker;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.interceptor.Fault;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A refusal as a SOAP 1.1 fault: {@code Client} when the request is at fault, {@code Server} when Avain
 * is, a faultstring that says what was wrong, and the same in the detail's {@code voucherFault} with a
 * stable code that programs can act on.
 */
record VoucherFaults(boolean client, String code, String message) {
    static final String NS = fi.avain.routes.web.SoapFaultResponse.VOUCHER_NAMESPACE;
    static final String ELEMENT = "voucherFault";

    /** A fault quotes what the sender sent; an identity code in it is masked all the same. */
    VoucherFaults {
        message = PersonalDataMasker.mask(message);
    }

    static VoucherFaults client(String code, String message) {
        return new VoucherFaults(true, code, message);
    }

    static VoucherFaults server(String code, String message) {
        return new VoucherFaults(false, code, message);
    }

    SoapFault toSoapFault() {
        SoapFault fault = new SoapFault(message, client ? Fault.FAULT_CODE_CLIENT : Fault.FAULT_CODE_SERVER);
        detail(fault, code, message);
        return fault;
    }

    /** Adds the {@code voucherFault} detail with {@code code} and {@code text} to the fault. */
    static void detail(Fault fault, String code, String text) {
        Element detail = fault.getOrCreateDetail();
        Document doc = detail.getOwnerDocument();
        Element info = doc.createElementNS(NS, "tns:" + ELEMENT);
        Element codeElement = doc.createElementNS(null, "faultCode");
        codeElement.setTextContent(code);
        Element textElement = doc.createElementNS(null, "faultString");
        textElement.setTextContent(text);
        info.appendChild(codeElement);
        info.appendChild(textElement);
        detail.appendChild(info);
    }
}
