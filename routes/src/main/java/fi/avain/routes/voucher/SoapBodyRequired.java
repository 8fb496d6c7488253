package fi.avain.routes.voucher;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.binding.soap.interceptor.ReadHeadersInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;

/**
 * An envelope that ends after its headers, with no SOAP Body, is the sender's error. CXF's header
 * reader then asks its XML reader for the Body's namespaces past the envelope's end, and the reader's
 * IllegalStateException became a server fault quoting the reader. The reader is wrapped so that this
 * one misuse, at the document's end where only a missing Body leads, is a client fault that says so.
 */
final class SoapBodyRequired extends AbstractSoapInterceptor {
    SoapBodyRequired() {
        super(Phase.READ);
        addBefore(ReadHeadersInterceptor.class.getName());
    }

    @Override
    public void handleMessage(SoapMessage message) throws Fault {
        XMLStreamReader reader = message.getContent(XMLStreamReader.class);
        if (reader != null && !isGET(message)) {
            message.setContent(XMLStreamReader.class, new StreamReaderDelegate(reader) {
                @Override
                public int getNamespaceCount() {
                    try {
                        return super.getNamespaceCount();
                    } catch (IllegalStateException e) {
                        if (getEventType() != XMLStreamConstants.END_DOCUMENT) {
                            throw e;
                        }
                        throw VoucherFaults.client("INVALID_REQUEST",
                                "The envelope has no SOAP Body; the request goes in it.").toSoapFault();
                    }
                }
            });
        }
    }
}
