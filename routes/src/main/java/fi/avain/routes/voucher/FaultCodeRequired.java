package fi.avain.routes.voucher;

import fi.avain.routes.messages.PersonalDataMasker;
import fi.avain.routes.web.RequestTooLargeException;
import fi.avain.routes.web.SoapFaultResponse;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;
import org.w3c.dom.Element;

/**
 * Every fault of the voucher service carries a {@code voucherFault} detail with a code, the ones CXF
 * raises itself too: a request that is not XML, has a DTD, or breaks the parser's limits never
 * reaches the route that would give it one. Such a fault keeps its text; a client fault gets
 * {@code UNREADABLE_REQUEST}, anything else {@code INTERNAL_ERROR}. A body that went over the size
 * limit as it was read is the sender's fault, whatever the XML reader made of it.
 */
final class FaultCodeRequired extends AbstractSoapInterceptor {
    static final String UNREADABLE = SoapFaultResponse.UNREADABLE_REQUEST;
    static final String INTERNAL = "INTERNAL_ERROR";

    FaultCodeRequired() {
        super(Phase.PREPARE_SEND);
    }

    @Override
    public void handleMessage(SoapMessage message) throws Fault {
        if (!(message.getContent(Exception.class) instanceof Fault fault) || hasCode(fault)) {
            return;
        }
        // The XML reader wraps the size filter's refusal as its own failure, which CXF calls the server's.
        RequestTooLargeException tooLarge = cause(fault, RequestTooLargeException.class);
        if (tooLarge != null) {
            fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
            fault.setMessage(tooLarge.getMessage());
        }
        boolean client = Fault.FAULT_CODE_CLIENT.equals(fault.getFaultCode())
                || Soap11.getInstance().getSender().equals(fault.getFaultCode());
        String text = fault.getMessage() == null ? "The request could not be read." : fault.getMessage();
        VoucherFaults.detail(fault, client ? UNREADABLE : INTERNAL, PersonalDataMasker.mask(text));
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static boolean hasCode(Fault fault) {
        Element detail = fault.getDetail();
        return detail != null
                && detail.getElementsByTagNameNS(VoucherFaults.NS, VoucherFaults.ELEMENT).getLength() > 0;
    }
}
