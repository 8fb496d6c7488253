package fi.avain.routes.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
            JsonNode body = camel.requestBodyAndHeader("direct:comparison-page", null, "ComparisonPage", page, JsonNode.class);
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

    private void readCsv(ComparisonIndex index, SyncCounts counts) {
        String csv = camel.requestBody("direct:comparison-export", null, String.class);
        for (fi.avain.mappings.comparison.CsvRecord record : mapper.csv(new StringReader(csv))) {
            counts.fetched.incrementAndGet();
            String sourceId = record.entry()
                    .flatMap(e -> e.provider().businessId()).map(b -> "comparison:provider:" + b)
                    .orElse("comparison:csv-line:" + record.lineNumber());
            UUID messageId = messages.receive(new InboundMessage(CatalogueSync.FLOW, sourceId, null,
                    Map.of("line", Integer.toString(record.lineNumber())), "text/csv",
                    record.entry().map(e -> e.provider().name().preferred().orElse("")).orElse("")
                            .getBytes(StandardCharsets.UTF_8)));
            if (record.error().isPresent()) {
                counts.failed.incrementAndGet();
                messages.failed(messageId, "comparison CSV line " + record.lineNumber() + ": " + record.error().get());
            } else {
                index.add(messageId, record.entry().orElseThrow());
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
