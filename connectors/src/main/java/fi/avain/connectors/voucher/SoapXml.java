package fi.avain.connectors.voucher;

/**
 * One SOAP call as it went over the wire: the request envelope exactly as sent, and the response
 * envelope as received (null when none came, as after a timeout). Both carry personal data, so
 * {@link #toString()} shows only their sizes; store them encrypted, as the message store does.
 */
public record SoapXml(String request, String response) {
    @Override
    public String toString() {
        return "SoapXml[request=" + length(request) + " chars, response=" + length(response) + " chars]";
    }

    private static String length(String text) {
        return text == null ? "no" : Integer.toString(text.length());
    }
}
