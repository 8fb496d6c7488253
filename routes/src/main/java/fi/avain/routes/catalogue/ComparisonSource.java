package fi.avain.routes.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.avain.connectors.comparison.ComparisonHeaders;
import fi.avain.connectors.comparison.ComparisonSettings;
import fi.avain.mappings.MappingException;
import fi.avain.mappings.comparison.ComparisonMapper;
import fi.avain.routes.messages.InboundMessage;
import fi.avain.routes.messages.MessageStore;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the whole comparison catalogue (JSON pages or the CSV export), storing each provider as a
 * message before it is mapped; a provider that does not map ends in the error store.
 */
@Component
class ComparisonSource {
    private final ProducerTemplate camel;
    private final MessageStore messages;
    private final ComparisonSettings settings;
    private final ObjectMapper json;
    private final ComparisonMapper mapper = new ComparisonMapper();

    ComparisonSource(ProducerTemplate camel, MessageStore messages, ComparisonSettings settings, ObjectMapper json) {
        this.camel = camel;
        this.messages = messages;
        this.settings = settings;
        this.json = json;
    }

    ComparisonIndex read(SyncCounts counts, int maxPages) {
        ComparisonIndex index = new ComparisonIndex();
        try {
            if (settings.format() == ComparisonSettings.Format.csv) {
                readCsv(index, counts);
            } else {
                readPages(index, counts, maxPages);
            }
        } catch (RuntimeException e) {
            index.markIncomplete();
            counts.failed.incrementAndGet();
            UUID id = messages.receive(new InboundMessage(CatalogueSync.FLOW, "comparison:fetch", null,
                    Map.of("source", "comparison"), "text/plain", new byte[0]));
            messages.failed(id, "comparison catalogue: " + CatalogueSync.reason(e));
        }
        return index;
    }

    private void readPages(ComparisonIndex index, SyncCounts counts, int maxPages) {
        for (int page = 1; page <= maxPages; page++) {
            JsonNode body = camel.requestBodyAndHeader("direct:comparison-page", null, ComparisonHeaders.PAGE, page, JsonNode.class);
            for (JsonNode provider : body.path("items")) {
                accept(index, counts, provider);
            }
            if (page >= body.path("total_pages").asInt(0) || body.path("items").isEmpty()) {
                return;
            }
        }
        throw new IllegalStateException("comparison catalogue has more than " + maxPages + " pages");
    }

    private void accept(ComparisonIndex index, SyncCounts counts, JsonNode provider) {
        counts.fetched.incrementAndGet();
        String businessId = provider.path("businessId").asText("unknown");
        UUID messageId = messages.receive(new InboundMessage(CatalogueSync.FLOW, "comparison:provider:" + businessId,
                null, Map.of("businessId", businessId), "application/json", bytes(provider)));
        try {
            index.add(messageId, mapper.provider(provider));
        } catch (MappingException | IllegalArgumentException e) {
            counts.failed.incrementAndGet();
            messages.failed(messageId, "comparison provider: " + e.getMessage());
        }
    }

    /**
     * The export is stored whole, as received, so nothing is lost; each provider it lists is then a
     * message of its own that points at its line, so that one bad line is one error with its reason.
     */
    private void readCsv(ComparisonIndex index, SyncCounts counts) {
        String csv = camel.requestBody("direct:comparison-export", null, String.class);
        UUID exportId = messages.receive(new InboundMessage(CatalogueSync.FLOW, "comparison:export", null,
                Map.of("source", "comparison"), "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        for (fi.avain.mappings.comparison.CsvRecord record : mapper.csv(new StringReader(csv))) {
            counts.fetched.incrementAndGet();
            String businessId = record.entry().flatMap(e -> e.provider().businessId()).map(Object::toString).orElse(null);
            String sourceId = businessId != null ? "comparison:provider:" + businessId
                    : "comparison:csv-line:" + record.lineNumber();
            Map<String, String> keys = new java.util.HashMap<>();
            keys.put("line", Integer.toString(record.lineNumber()));
            keys.put("export", exportId.toString());
            if (businessId != null) {
                keys.put("businessId", businessId);
            }
            UUID messageId = messages.receive(new InboundMessage(CatalogueSync.FLOW, sourceId, null, keys, "application/json",
                    bytes(json.createObjectNode().put("export", exportId.toString()).put("line", record.lineNumber()))));
            if (record.error().isPresent()) {
                counts.failed.incrementAndGet();
                messages.failed(messageId, "comparison CSV line " + record.lineNumber() + ": " + record.error().get());
            } else {
                index.add(messageId, record.entry().orElseThrow());
            }
        }
        messages.processed(exportId);
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
