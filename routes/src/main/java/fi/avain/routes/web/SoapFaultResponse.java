package fi.avain.routes.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A SOAP 1.1 {@code Client} fault written by a servlet filter, before CXF has read the request: SOAP
 * callers expect a fault, not a problem document.
 */
public final class SoapFaultResponse {
    /** The namespace of the voucher service's {@code voucherFault} detail, the only SOAP service here. */
    public static final String VOUCHER_NAMESPACE = "http://avain.fi/vouchers/v1";
    /** The code of a request refused before it was read: not XML, a DTD, over a size or parser limit. */
    public static final String UNREADABLE_REQUEST = "UNREADABLE_REQUEST";

    private SoapFaultResponse() {
    }

    /**
     * @param faultstring what was wrong, fixed text (nothing the caller sent)
     * @param detailNamespace the namespace of the service's {@code voucherFault} detail, or null for none
     * @param code the detail's stable fault code, when there is a detail
     */
    public static void write(HttpServletResponse response, String faultstring, String detailNamespace, String code)
            throws IOException {
        response.setStatus(500);
        response.setContentType("text/xml;charset=UTF-8");
        String detail = detailNamespace == null ? ""
                : "<detail><tns:voucherFault xmlns:tns=\"" + detailNamespace + "\"><faultCode>" + code
                + "</faultCode><faultString>" + faultstring + "</faultString></tns:voucherFault></detail>";
        response.getWriter().write("<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>SOAP-ENV:Client</faultcode><faultstring>" + faultstring
                + "</faultstring>" + detail + "</SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>");
    }
}
