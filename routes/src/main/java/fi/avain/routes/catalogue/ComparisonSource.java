package fi.avain.routes.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.avain.connectors.comparison.ComparisonHeaders;
import fi.avain.connectors.comparison.ComparisonSettings;
import fi.avain.mappings.MappingException;
import fi.avain.mappings.comparison.ComparisonMapper;
import fi.avain.mappings.comparison.CsvRecord;
import fi.avain.routes.messages.InboundMessage;
import fi.avain.routes.messages.MessageStore;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
    /** Lines of the export stored per batch: one transaction each, not one per line. */
    private static final int CSV_BATCH = 500;

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
            acceptPage(index, counts, body.path("items"));
            if (page >= body.path("total_pages").asInt(0) || body.path("items").isEmpty()) {
                return;
            }
        }
        throw new IllegalStateException("comparison catalogue has more than " + maxPages + " pages");
    }

    /** A page's providers are stored in one batch, then mapped one by one. */
    private void acceptPage(ComparisonIndex index, SyncCounts counts, JsonNode providers) {
        List<InboundMessage> received = new ArrayList<>();
        for (JsonNode provider : providers) {
            String businessId = provider.path("businessId").asText("unknown");
            received.add(new InboundMessage(CatalogueSync.FLOW, "comparison:provider:" + businessId,
                    null, Map.of("businessId", businessId), "application/json", bytes(provider)));
        }
        if (received.isEmpty()) {
            return;
        }
        List<UUID> ids = messages.receiveAll(received);
        counts.fetched.addAndGet(ids.size());
        int i = 0;
        for (JsonNode provider : providers) {
            UUID messageId = ids.get(i++);
            try {
                index.add(messageId, mapper.provider(provider));
            } catch (MappingException | IllegalArgumentException e) {
                counts.failed.incrementAndGet();
                messages.failed(messageId, "comparison provider: " + e.getMessage());
            }
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
        List<CsvRecord> records = mapper.csv(new StringReader(csv));
        for (List<CsvRecord> batch : Chunks.of(records, CSV_BATCH)) {
            acceptLines(index, counts, exportId, batch);
        }
        messages.processed(exportId);
    }

    private void acceptLines(ComparisonIndex index, SyncCounts counts, UUID exportId,
            List<CsvRecord> records) {
        List<InboundMessage> received = new ArrayList<>();
        for (CsvRecord record : records) {
            String businessId = record.entry().flatMap(e -> e.provider().businessId()).map(Object::toString).orElse(null);
            String sourceId = businessId != null ? "comparison:provider:" + businessId
                    : "comparison:csv-line:" + record.lineNumber();
            Map<String, String> keys = new java.util.HashMap<>();
            keys.put("line", Integer.toString(record.lineNumber()));
            keys.put("export", exportId.toString());
            if (businessId != null) {
                keys.put("businessId", businessId);
            }
            received.add(new InboundMessage(CatalogueSync.FLOW, sourceId, null, keys, "application/json",
                    bytes(json.createObjectNode().put("export", exportId.toString()).put("line", record.lineNumber()))));
        }
        List<UUID> ids = messages.receiveAll(received);
        counts.fetched.addAndGet(ids.size());
        for (int i = 0; i < records.size(); i++) {
            CsvRecord record = records.get(i);
            if (record.error().isPresent()) {
                counts.failed.incrementAndGet();
                messages.failed(ids.get(i), "comparison CSV line " + record.lineNumber() + ": " + record.error().get());
            } else {
                index.add(ids.get(i), record.entry().orElseThrow());
            }
        }
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
