package fi.avain.mappings.hsds;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.mappings.model.LocalizedText;
import fi.avain.mappings.model.Phone;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Building HSDS objects: absent values are left out, never written as null. */
final class HsdsNodes {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HsdsNodes() {
    }

    static ObjectNode object(UUID id) {
        ObjectNode node = NODES.objectNode();
        node.put("id", id.toString());
        return node;
    }

    static ObjectNode child(UUID parent, String role, int index, String parentField) {
        ObjectNode node = object(HsdsIds.child(parent, role, index));
        node.put(parentField, parent.toString());
        return node;
    }

    static void put(ObjectNode node, String field, Optional<String> value) {
        value.ifPresent(v -> node.put(field, v));
    }

    static void put(ObjectNode node, String field, LocalizedText text) {
        put(node, field, text.preferred());
    }

    /** Sets an array only when it has elements, so an empty list is an absent field. */
    static void putArray(ObjectNode node, String field, ArrayNode array) {
        if (!array.isEmpty()) {
            node.set(field, array);
        }
    }

    static ArrayNode phones(UUID parent, String parentField, List<Phone> phones) {
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < phones.size(); i++) {
            Phone phone = phones.get(i);
            ObjectNode node = child(parent, "phone", i, parentField);
            node.put("number", phone.number());
            put(node, "description", Optional.ofNullable(phone.description()));
            array.add(node);
        }
        return array;
    }

    static ArrayNode languages(UUID parent, String parentField, List<String> codes) {
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < codes.size(); i++) {
            array.add(child(parent, "language", i, parentField).put("code", codes.get(i)));
        }
        return array;
    }

    /** The first absolute http(s) URL: HSDS types these fields as format uri. */
    static Optional<String> firstWebUrl(List<String> urls) {
        for (String url : urls) {
            try {
                URI uri = new URI(url);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return Optional.of(url);
                }
            } catch (URISyntaxException e) {
                continue;
            }
        }
        return Optional.empty();
    }

    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** HSDS types email with format "email": a malformed address from a source is left out, not sent. */
    static Optional<String> firstEmail(List<String> emails) {
        return emails.stream().map(String::strip).filter(e -> EMAIL.matcher(e).matches()).findFirst();
    }
}
