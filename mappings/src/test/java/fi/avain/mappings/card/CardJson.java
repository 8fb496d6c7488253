package fi.avain.mappings.card;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.mappings.GoldenFiles;
import fi.avain.mappings.model.Money;
import java.util.List;

/** The card records as JSON for golden files: every component by name, amounts as euro text. */
final class CardJson {
    private CardJson() {
    }

    static ObjectNode request(CardAuthorizationRequest request) {
        return GoldenFiles.JSON.createObjectNode()
                .put("processor", request.processor())
                .put("eventId", request.eventId())
                .put("kind", request.kind().name())
                .put("authorizationId", request.authorizationId())
                .put("cardId", request.cardId())
                .put("amount", euros(request.amount()))
                .put("merchantCategoryCode", request.merchantCategoryCode())
                .put("merchantName", request.merchantName())
                .put("merchantId", request.merchantId())
                .put("amountControllable", request.amountControllable())
                .put("createdAt", request.createdAt().toString());
    }

    static ObjectNode record(ClearingRecord record) {
        return GoldenFiles.JSON.createObjectNode()
                .put("recordId", record.recordId())
                .put("type", record.type().name())
                .put("authorizationId", record.authorizationId())
                .put("cardId", record.cardId())
                .put("amount", euros(record.amount()))
                .put("merchantCategoryCode", record.merchantCategoryCode())
                .put("merchantName", record.merchantName())
                .put("occurredAt", record.occurredAt().toString())
                .put("settlementDate", record.settlementDate().toString())
                .put("count", record.count());
    }

    static ArrayNode lines(List<ClearingLine> lines) {
        ArrayNode array = GoldenFiles.JSON.createArrayNode();
        for (ClearingLine line : lines) {
            ObjectNode node = array.addObject()
                    .put("lineNumber", line.lineNumber())
                    .put("sourceId", line.sourceId())
                    .put("raw", line.raw());
            node.set("record", line.valid() ? record(line.record()) : null);
            node.put("error", line.error());
        }
        return array;
    }

    private static String euros(Money amount) {
        return amount == null ? null : amount.euros().toPlainString();
    }
}
