package fi.avain.mappings.reports;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fi.avain.mappings.MappingException;
import fi.avain.mappings.model.Hetu;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** An outcome measurement sent as JSON ({@code POST /api/v1/outcomes}, docs/formats/outcomes.md). */
public final class OutcomeJson {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern DIMENSION = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final int MAX_DIMENSIONS = 100;

    /** The measurement and the tenant it belongs to. */
    public record Submission(String tenant, OutcomeRecord record) {
    }

    private OutcomeJson() {
    }

    /** Reads the body; a refusal names the JSON field ({@code client.identityCode}, {@code scores.mental}). */
    public static Submission read(byte[] body, LocalDate today) {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            throw new MappingException("body", "must be well-formed JSON without duplicate keys");
        }
        if (root == null || !root.isObject()) {
            throw new MappingException("body", "must be a JSON object");
        }
        String tenant = ReportFields.code("tenant", text(root, "tenant"));
        ClientRef client = client(root.get("client"));
        String instrument = ReportFields.code("instrument", text(root, "instrument"));
        LocalDate date = ReportFields.date("date", text(root, "date"), today);
        Map<String, BigDecimal> scores = scores(root.get("scores"));
        String goal = ReportFields.optionalText("goal", text(root, "goal"));
        return new Submission(tenant, new OutcomeRecord(client, instrument, date, scores, goal));
    }

    private static ClientRef client(JsonNode client) {
        if (client == null || client.isNull()) {
            throw new MappingException("client", "is missing");
        }
        if (!client.isObject()) {
            throw new MappingException("client", "must be an object with identityCode or pseudonym");
        }
        String code = text(client, "identityCode", "client.identityCode");
        String pseudonym = text(client, "pseudonym", "client.pseudonym");
        if ((code == null) == (pseudonym == null)) {
            throw new MappingException("client", "must have exactly one of identityCode and pseudonym");
        }
        if (code != null) {
            return new ClientRef.IdentityCode(MappingException.parse("client.identityCode", code, Hetu::parse));
        }
        try {
            return new ClientRef.Pseudonym(pseudonym.strip());
        } catch (IllegalArgumentException e) {
            throw new MappingException("client.pseudonym", "must be 64 lowercase hex characters");
        }
    }

    private static Map<String, BigDecimal> scores(JsonNode scores) {
        if (scores == null || scores.isNull()) {
            throw new MappingException("scores", "is missing");
        }
        if (!scores.isObject() || scores.isEmpty()) {
            throw new MappingException("scores", "must be an object of dimension: number");
        }
        if (scores.size() > MAX_DIMENSIONS) {
            throw new MappingException("scores", "must have at most " + MAX_DIMENSIONS + " dimensions");
        }
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = scores.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!DIMENSION.matcher(e.getKey()).matches()) {
                throw new MappingException("scores", "dimension names are lower-case letters, digits and _");
            }
            String field = "scores." + e.getKey();
            if (!e.getValue().isNumber()) {
                throw new MappingException(field, "must be a number");
            }
            out.put(e.getKey(), ReportFields.score(field, e.getValue().decimalValue().toPlainString()));
        }
        return out;
    }

    private static String text(JsonNode node, String member) {
        return text(node, member, member);
    }

    private static String text(JsonNode node, String member, String field) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new MappingException(field, "must be text");
        }
        return value.asText();
    }
}
