package fi.avain.connectors.voucher;

/**
 * The answer to one SOAP call: the response object, the X-Road headers the other side echoed, the
 * raw XML of the call (for the message store) and how many attempts it took.
 */
public record SoapReply<T>(T response, XRoadHeaders headers, SoapXml xml, int attempts) {
}
