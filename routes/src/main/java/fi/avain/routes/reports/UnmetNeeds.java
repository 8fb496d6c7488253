package fi.avain.routes.reports;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fi.avain.budget.ClientIdentities;
import fi.avain.mappings.MappingException;
import fi.avain.mappings.model.MunicipalityCode;
import fi.avain.mappings.reports.ReportFields;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Needs in a plan that no service met ({@code POST /api/v1/plans/{budgetId}/unmet-needs}), kept under the
 * client's reporting pseudonym for the service-gaps report: the service class wanted and where.
 */
@Component
class UnmetNeeds {
    // As for plans and outcomes: a need named twice, or anything after the object, says two things.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final ReportImportQueries queries;
    private final ClientIdentities identities;
    private final ReportingPseudonyms pseudonyms;
    private final ReportClock clock;

    UnmetNeeds(ReportImportQueries queries, ClientIdentities identities, ReportingPseudonyms pseudonyms,
               ReportClock clock) {
        this.queries = queries;
        this.identities = identities;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    record Marked(UUID id, UUID budgetId, String tenant, String serviceClass, String municipality, String note,
                  String markedBy, Instant createdAt) {
    }

    /**
     * Keeps the need; empty when there is no such budget. Throws {@link MappingException} naming the field
     * for bad input, and {@link ReportingPseudonyms.NoReportingKeyException} when the tenant has no key.
     */
    Optional<Marked> mark(UUID budgetId, byte[] body, String markedBy) {
        Optional<ReportImportQueries.BudgetClient> found = queries.budgetClient(budgetId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        JsonNode need = object(body);
        String serviceClass = ReportFields.serviceClass("serviceClass", text(need, "serviceClass"));
        String municipality = text(need, "municipality");
        if (municipality != null) {
            municipality = MappingException.parse("municipality", municipality, MunicipalityCode::parse).value();
        }
        String note = ReportFields.optionalText("note", text(need, "note"));
        ReportImportQueries.BudgetClient client = found.get();
        String pseudonym = pseudonyms.of(client.tenant(), identities.open(new ClientIdentities.Sealed(client.sealed(),
                client.nonce(), client.keyId())));
        String where = municipality != null ? municipality : client.homeMunicipality();
        UUID id = UUID.randomUUID();
        Instant now = clock.now();
        queries.insertUnmetNeed(id, client.tenant(), budgetId, pseudonym, serviceClass, where, note, markedBy, now);
        return Optional.of(new Marked(id, budgetId, client.tenant(), serviceClass, where, note, markedBy, now));
    }

    private static JsonNode object(byte[] body) {
        JsonNode node;
        try {
            node = body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            throw new MappingException("body", "must be well-formed JSON without duplicate keys");
        }
        if (node == null || !node.isObject()) {
            throw new MappingException("body", "must be a JSON object");
        }
        return node;
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new MappingException(member, "must be text");
        }
        return value.asText().isBlank() ? null : value.asText();
    }
}
