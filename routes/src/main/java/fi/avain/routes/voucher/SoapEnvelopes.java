package fi.avain.routes.voucher;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * SOAP 1.1 envelopes as the message store keeps them: the X-Road headers and the body element of one
 * request, written out and read back. Reading refuses DTDs and external entities, as every XML parser
 * in Avain does.
 */
final class SoapEnvelopes {
    static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    // The JDK's own factories, made once: looking one up by service loader searches every jar nested
    // in the application jar, and cost half of a service event's CPU. Builders and transformers are
    // not thread-safe, so each thread keeps its own.
    private static final DocumentBuilderFactory BUILDERS = builderFactory();
    private static final TransformerFactory TRANSFORMERS = transformerFactory();
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(() -> {
        try {
            return BUILDERS.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final ThreadLocal<Transformer> TRANSFORMER = ThreadLocal.withInitial(() -> {
        try {
            Transformer transformer = TRANSFORMERS.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            return transformer;
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    });

    private SoapEnvelopes() {
    }

    record Envelope(List<Element> headers, Element body) {
    }

    static byte[] write(List<Element> headers, Element body) {
        try {
            Document doc = builder().newDocument();
            Element envelope = doc.createElementNS(SOAP_ENV, "SOAP-ENV:Envelope");
            doc.appendChild(envelope);
            Element header = doc.createElementNS(SOAP_ENV, "SOAP-ENV:Header");
            envelope.appendChild(header);
            for (Element h : headers) {
                header.appendChild(doc.importNode(h, true));
            }
            Element bodyElement = doc.createElementNS(SOAP_ENV, "SOAP-ENV:Body");
            envelope.appendChild(bodyElement);
            if (body != null) {
                bodyElement.appendChild(doc.importNode(body, true));
            }
            return serialize(doc);
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("could not write a SOAP envelope", e);
        }
    }

    static byte[] serialize(Node node) throws TransformerException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Transformer transformer = TRANSFORMER.get();
        try {
            transformer.transform(new DOMSource(node), new StreamResult(out));
        } finally {
            transformer.reset();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        }
        return out.toByteArray();
    }

    private static TransformerFactory transformerFactory() {
        TransformerFactory factory = TransformerFactory.newDefaultInstance();
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        return factory;
    }

    static Envelope read(byte[] xml) {
        try {
            Document doc = builder().parse(new ByteArrayInputStream(xml));
            Element envelope = doc.getDocumentElement();
            if (!SOAP_ENV.equals(envelope.getNamespaceURI()) || !"Envelope".equals(envelope.getLocalName())) {
                throw new IllegalArgumentException("not a SOAP 1.1 envelope");
            }
            List<Element> headers = new ArrayList<>();
            Element body = null;
            for (Element part : children(envelope)) {
                if ("Header".equals(part.getLocalName())) {
                    headers.addAll(children(part));
                } else if ("Body".equals(part.getLocalName())) {
                    List<Element> content = children(part);
                    body = content.isEmpty() ? null : content.get(0);
                }
            }
            return new Envelope(headers, body);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** This thread's builder, reset: DTDs refused, no external entities, secure processing. */
    static DocumentBuilder builder() throws ParserConfigurationException {
        DocumentBuilder builder = BUILDER.get();
        builder.reset();
        return builder;
    }

    private static DocumentBuilderFactory builderFactory() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory;
        } catch (ParserConfigurationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
