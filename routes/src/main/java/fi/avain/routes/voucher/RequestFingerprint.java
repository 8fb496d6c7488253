package fi.avain.routes.voucher;

import fi.avain.connectors.voucher.XRoadIdentity;
import fi.avain.routes.messages.ContentHash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What makes two requests under one X-Road message id the same request: the operation, the service
 * they call and the request's content, read as namespaces, names, attributes and values. Namespace
 * prefixes, indentation and the headers that say who sent it and why ({@code userId}, {@code issue})
 * do not count: a sender that writes the same request again differently has sent the same request.
 */
final class RequestFingerprint {
    /** Marks a fingerprint; a stored hash without it is of a whole envelope, as earlier versions kept. */
    static final String PREFIX = "request:";

    private RequestFingerprint() {
    }

    /** Whether a stored hash is this request's: its fingerprint, or, if stored before, its envelope's hash. */
    static boolean matches(String stored, String fingerprint, byte[] envelope) {
        return stored.equals(fingerprint) || !stored.startsWith(PREFIX) && stored.equals(ContentHash.of(envelope));
    }

    static String of(String operation, XRoadHeaders headers, Element body) {
        StringBuilder text = new StringBuilder()
                .append(operation).append('\n')
                .append(identity(headers.serviceProvider())).append(' ').append(headers.serviceCode()).append(' ')
                .append(headers.serviceVersion()).append('\n');
        append(body, text);
        return PREFIX + ContentHash.of(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String identity(XRoadIdentity identity) {
        return identity.instance() + "/" + identity.memberClass() + "/" + identity.memberCode() + "/" + identity.subsystem();
    }

    private static void append(Element element, StringBuilder text) {
        text.append('<').append(element.getNamespaceURI()).append(' ').append(element.getLocalName());
        NamedNodeMap attributes = element.getAttributes();
        List<String> named = new ArrayList<>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(attribute.getNamespaceURI())) {
                named.add(attribute.getNamespaceURI() + " " + attribute.getLocalName() + "=" + attribute.getValue());
            }
        }
        named.stream().sorted().forEach(a -> text.append(' ').append(a));
        text.append('>');
        boolean children = false;
        StringBuilder value = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element nested) {
                append(nested, text);
                children = true;
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                value.append(child.getNodeValue());
            }
        }
        if (!children) {
            text.append(escape(value.toString().strip()));
        }
        text.append("</>");
    }

    /** Keeps a value from reading as structure: {@code <} and {@code \} are escaped. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("<", "\\<");
    }
}
