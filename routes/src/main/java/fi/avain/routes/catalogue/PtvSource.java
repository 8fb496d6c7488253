package fi.avain.routes.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import fi.avain.connectors.ptv.PtvHeaders;
import fi.avain.connectors.ptv.PtvItem;
import fi.avain.connectors.ptv.PtvTime;
import fi.avain.mappings.ptv.PtvMapper;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads PTV through the connector's routes: GUID pages changed since a watermark, and full items
 * by {@code list?guids=} in chunks of at most 100 (PTV's limit).
 */
@Component
class PtvSource {
    static final int LIST_LIMIT = 100;

    private final ProducerTemplate camel;

    PtvSource(ProducerTemplate camel) {
        this.camel = camel;
    }

    /** Every GUID of the kind modified since the watermark (all when empty), page by page, at most maxPages. */
    List<String> guids(String kind, Optional<Instant> since, String status, int maxPages) {
        List<String> guids = new ArrayList<>();
        for (int page = 1; page <= maxPages; page++) {
            Map<String, Object> headers = new HashMap<>();
            headers.put(PtvHeaders.KIND, kind);
            headers.put(PtvHeaders.PAGE, page);
            if (status != null) {
                headers.put(PtvHeaders.STATUS, status);
            }
            // One second of overlap: whether PTV reads date= as "after" or "from", the boundary item comes back.
            since.ifPresent(s -> headers.put(PtvHeaders.DATE, PtvTime.watermark(s.minusSeconds(1))));
            JsonNode body = camel.requestBodyAndHeaders("direct:ptv-guid-page", null, headers, JsonNode.class);
            int before = guids.size();
            collect(body, guids);
            int pageCount = body == null ? 0 : body.path("pageCount").asInt(0);
            if (page >= pageCount || guids.size() == before) {
                return guids;
            }
        }
        throw new IllegalStateException("PTV " + kind + " has more than " + maxPages + " pages; raise avain.catalogue.max-pages");
    }

    /** The items for at most {@value #LIST_LIMIT} GUIDs: whole bytes, and trees of the fields the mapper reads. */
    List<PtvItem> list(String kind, List<String> guids) {
        if (guids.size() > LIST_LIMIT) {
            throw new IllegalArgumentException("at most " + LIST_LIMIT + " GUIDs per list call");
        }
        @SuppressWarnings("unchecked")
        List<PtvItem> items = camel.requestBodyAndHeaders("direct:ptv-list", guids,
                Map.of(PtvHeaders.KIND, kind, PtvHeaders.FIELDS, fieldsMapped(kind)), List.class);
        return items == null ? List.of() : items;
    }

    /** What the mapper reads of an item: the rest stays in the item's bytes, for the message store. */
    private static Set<String> fieldsMapped(String kind) {
        return switch (kind) {
            case "Organization" -> PtvMapper.ORGANIZATION_FIELDS;
            case "ServiceChannel" -> PtvMapper.CHANNEL_FIELDS;
            case "Service" -> PtvMapper.SERVICE_FIELDS;
            default -> throw new IllegalArgumentException("unknown PTV kind " + kind);
        };
    }

    /** PTV pages list GUIDs as {@code itemList} objects (v11) or a plain {@code guidList}. */
    private static void collect(JsonNode page, List<String> into) {
        if (page == null) {
            return;
        }
        for (JsonNode item : page.path("itemList")) {
            String id = item.isTextual() ? item.asText() : item.path("id").asText("");
            if (!id.isEmpty()) {
                into.add(id);
            }
        }
        for (JsonNode id : page.path("guidList")) {
            into.add(id.asText());
        }
    }
}
