package fi.avain.routes.voucher;

import fi.avain.connectors.voucher.XRoadIdentity;
import fi.avain.routes.messages.PersonalDataMasker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The X-Road message protocol 4.0 headers of one request, read from the SOAP header's elements, with
 * the elements themselves kept in the order they came so the response can echo them as they were.
 */
record XRoadHeaders(XRoadIdentity client, XRoadIdentity serviceProvider, String serviceCode, String serviceVersion,
                    String id, String userId, String issue, String protocolVersion, List<Element> elements) {

    static final String XROAD = "http://x-road.eu/xsd/xroad.xsd";
    static final String IDENTIFIERS = "http://x-road.eu/xsd/identifiers";
    static final String PROTOCOL_VERSION = "4.0";
    private static final Set<String> KNOWN = Set.of("client", "service", "centralService", "id", "userId", "issue",
            "protocolVersion", "requestHash");
    private static final int MAX_VALUE_LENGTH = 255;

    /** The caller sent headers that are missing, repeated or wrong; the message says which and why. */
    static final class InvalidHeaderException extends RuntimeException {
        InvalidHeaderException(String message) {
            super(message);
        }
    }

    /**
     * Reads the headers; throws {@link InvalidHeaderException} naming the first missing, repeated or
     * malformed one. Every header of X-Road's namespace is echoed, as the protocol asks, including
     * ones this version does not read; headers of other namespaces are left alone and not echoed.
     */
    static XRoadHeaders read(List<Element> soapHeaders) {
        Map<String, Element> found = new java.util.HashMap<>();
        List<Element> echoed = new ArrayList<>();
        for (Element header : soapHeaders) {
            if (!XROAD.equals(header.getNamespaceURI())) {
                continue;
            }
            String name = header.getLocalName();
            if (KNOWN.contains(name) && found.put(name, header) != null) {
                throw new InvalidHeaderException("the X-Road header " + name + " is repeated");
            }
            echoed.add(header);
        }
        Element client = required(found, "client");
        Element service = required(found, "service");
        String id = text(required(found, "id"), "id");
        String userId = found.containsKey("userId") ? optionalText(found.get("userId")) : null;
        String protocolVersion = text(required(found, "protocolVersion"), "protocolVersion");
        if (!PROTOCOL_VERSION.equals(protocolVersion)) {
            throw new InvalidHeaderException("the X-Road header protocolVersion must be " + PROTOCOL_VERSION + ", not "
                    + shown(protocolVersion));
        }
        String issue = found.containsKey("issue") ? optionalText(found.get("issue")) : null;
        XRoadIdentity clientId = identity(client, "client", Set.of("MEMBER", "SUBSYSTEM"));
        XRoadIdentity provider = identity(service, "service", Set.of("SERVICE"));
        String serviceCode = part(service, "serviceCode", true, "service");
        String serviceVersion = part(service, "serviceVersion", false, "service");
        return new XRoadHeaders(clientId, provider, serviceCode, serviceVersion, id, userId, issue, protocolVersion,
                List.copyOf(echoed));
    }

    private static Element required(Map<String, Element> found, String name) {
        Element element = found.get(name);
        if (element == null) {
            throw new InvalidHeaderException("the X-Road header " + name + " is missing");
        }
        return element;
    }

    private static String text(Element element, String name) {
        String value = optionalText(element);
        if (value == null) {
            throw new InvalidHeaderException("the X-Road header " + name + " is empty");
        }
        return value;
    }

    private static String optionalText(Element element) {
        if (hasChildElements(element)) {
            throw new InvalidHeaderException("the X-Road header " + element.getLocalName() + " must be text");
        }
        String value = element.getTextContent() == null ? "" : element.getTextContent().strip();
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new InvalidHeaderException("the X-Road header " + element.getLocalName() + " is longer than "
                    + MAX_VALUE_LENGTH + " characters");
        }
        return value.isEmpty() ? null : value;
    }

    private static XRoadIdentity identity(Element element, String header, Set<String> objectTypes) {
        String objectType = element.getAttributeNS(IDENTIFIERS, "objectType");
        if (!objectTypes.contains(objectType)) {
            throw new InvalidHeaderException("the X-Road header " + header + " must have objectType "
                    + String.join(" or ", objectTypes.stream().sorted().toList()) + ", not " + shown(objectType));
        }
        String subsystem = part(element, "subsystemCode", false, header);
        if ("SUBSYSTEM".equals(objectType) && subsystem == null) {
            throw new InvalidHeaderException("the X-Road header " + header + " is a SUBSYSTEM without a subsystemCode");
        }
        try {
            return new XRoadIdentity(part(element, "xRoadInstance", true, header),
                    part(element, "memberClass", true, header), part(element, "memberCode", true, header), subsystem);
        } catch (IllegalArgumentException e) {
            throw new InvalidHeaderException("the X-Road header " + header + " is malformed: " + e.getMessage());
        }
    }

    private static String part(Element parent, String name, boolean required, String header) {
        String value = null;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && IDENTIFIERS.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                if (value != null) {
                    throw new InvalidHeaderException("the X-Road header " + header + " repeats " + name);
                }
                value = e.getTextContent() == null ? "" : e.getTextContent().strip();
            }
        }
        if (value == null || value.isEmpty()) {
            if (required) {
                throw new InvalidHeaderException("the X-Road header " + header + " has no " + name);
            }
            return null;
        }
        return value;
    }

    private static boolean hasChildElements(Element element) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                return true;
            }
        }
        return false;
    }

    private static String shown(String value) {
        if (value == null || value.isEmpty()) {
            return "empty";
        }
        // Masked before it is cut, so an identity code across the cut is not left half shown.
        String masked = PersonalDataMasker.mask(value);
        return "\"" + (masked.length() > 40 ? masked.substring(0, 40) + "…" : masked) + "\"";
    }

    /** The service header names this operation of this provider: the one Avain is. */
    void requireAddressedTo(XRoadIdentity avain, String operation, String version) {
        if (!avain.equals(serviceProvider)) {
            throw new InvalidHeaderException("the X-Road header service names " + serviceProvider
                    + ", but this service is " + avain);
        }
        if (!operation.equals(serviceCode)) {
            throw new InvalidHeaderException("the X-Road header service names the service code " + shown(serviceCode)
                    + ", but the body is a " + operation + " request");
        }
        if (serviceVersion != null && !version.equals(serviceVersion)) {
            throw new InvalidHeaderException("the X-Road header service asks for version " + shown(serviceVersion)
                    + "; this service is " + version);
        }
    }

    /** Who is calling: a client Avain does not accept is refused. */
    void requireClient(Set<XRoadIdentity> allowed) {
        if (!allowed.contains(client)) {
            throw new InvalidHeaderException("the X-Road client " + client + " may not call this service");
        }
    }

    /** The key a repeat is recognised by: the client and its message id. */
    String replayKey() {
        return client + " " + id;
    }
}
