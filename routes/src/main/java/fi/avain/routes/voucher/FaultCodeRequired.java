package fi.avain.routes.voucher;

import fi.avain.routes.messages.PersonalDataMasker;
import fi.avain.routes.web.SoapFaultResponse;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
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
 * {@code UNREADABLE_REQUEST}, anything else {@code INTERNAL_ERROR}. A body the XML reader cannot read,
 * and an envelope of another SOAP version, are the sender's fault, whatever CXF calls them.
 */
final class FaultCodeRequired extends AbstractSoapInterceptor {
    static final String UNREADABLE = SoapFaultResponse.UNREADABLE_REQUEST;
    static final String INTERNAL = "INTERNAL_ERROR";

    private static final String READ = FaultCodeRequired.class.getName() + ".requestRead";

    FaultCodeRequired() {
        super(Phase.PREPARE_SEND);
    }

    /** Marks the exchange once CXF has read the request and is about to invoke the service. */
    static final class RequestRead extends AbstractSoapInterceptor {
        RequestRead() {
            super(Phase.PRE_INVOKE);
        }

        @Override
        public void handleMessage(SoapMessage message) {
            message.getExchange().put(READ, Boolean.TRUE);
        }
    }

    @Override
    public void handleMessage(SoapMessage message) throws Fault {
        if (!(message.getContent(Exception.class) instanceof Fault fault) || hasCode(fault)) {
            return;
        }
        // CXF calls a body its XML reader cannot even start on (binary, say) the server's failure. Until
        // the request has been read whole, a failure to read XML is a failure to read the request.
        if (!Boolean.TRUE.equals(message.getExchange().get(READ)) && cause(fault, XMLStreamException.class) != null) {
            fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
        }
        QName code = fault.getFaultCode();
        boolean client = Fault.FAULT_CODE_CLIENT.equals(code) || Soap11.getInstance().getSender().equals(code)
                || Soap11.getInstance().getVersionMismatch().equals(code);
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
