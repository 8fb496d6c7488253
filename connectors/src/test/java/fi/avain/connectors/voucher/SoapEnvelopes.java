package fi.avain.connectors.voucher;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads raw SOAP envelopes in tests. */
final class SoapEnvelopes {
    private static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String XROAD = "http://x-road.eu/xsd/xroad.xsd";

    private SoapEnvelopes() {
    }

    /** The local names of the SOAP header's children, in document order. */
    static List<String> headerNames(String envelope) {
        List<String> names = new ArrayList<>();
        for (Node child = header(envelope).getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                names.add(element.getLocalName());
            }
        }
        return names;
    }

    static String headerText(String envelope, String xroadName) {
        return header(envelope).getElementsByTagNameNS(XROAD, xroadName).item(0).getTextContent();
    }

    /** The text of the first element with this local name anywhere in the envelope, or null. */
    static String text(String envelope, String localName) {
        Node node = parse(envelope).getElementsByTagNameNS("*", localName).item(0);
        return node == null ? null : node.getTextContent();
    }

    private static Element header(String envelope) {
        return (Element) parse(envelope).getElementsByTagNameNS(SOAP, "Header").item(0);
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not XML", e);
        }
    }
}
