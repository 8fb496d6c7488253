package fi.avain.mappings.comparison;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.mappings.MappingException;
import fi.avain.mappings.model.InvalidValueException;
import fi.avain.mappings.model.LocalizedText;
import fi.avain.mappings.model.QualityIndicator;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading the comparison catalogue's JSON fields; errors name the field, never the value. */
final class ComparisonFields {
    private static final BigDecimal MAX_FEEDBACK = BigDecimal.valueOf(5);

    private ComparisonFields() {
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode() || value.asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.asText().strip());
    }

    static String required(JsonNode node, String field, String name) {
        return text(node, field).orElseThrow(() -> new MappingException(name, "is missing"));
    }

    static LocalizedText localized(JsonNode node, String name) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return LocalizedText.EMPTY;
        }
        if (!node.isObject()) {
            throw new MappingException(name, "must be an object of language codes and texts");
        }
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        try {
            return new LocalizedText(values);
        } catch (InvalidValueException e) {
            throw new MappingException(name, e);
        }
    }

    static Instant instant(JsonNode node, String field, String name) {
        String text = required(node, field, name);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new MappingException(name, "must be an ISO-8601 instant with a zone");
        }
    }

    static Optional<BigDecimal> decimal(JsonNode node, String field, String name) {
        return text(node, field).map(text -> {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw new MappingException(name, "must be a decimal number");
            }
        });
    }

    static Optional<BigDecimal> feedbackScore(JsonNode node, String name) {
        Optional<BigDecimal> score = decimal(node, "feedbackScore", name);
        if (score.isPresent() && (score.get().signum() < 0 || score.get().compareTo(MAX_FEEDBACK) > 0)) {
            throw new MappingException(name, "must be between 0 and 5");
        }
        return score;
    }

    static List<String> texts(JsonNode node, String field, String name) {
        JsonNode array = node.path(field);
        if (!array.isMissingNode() && !array.isNull() && !array.isArray()) {
            throw new MappingException(name, "must be a list");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            if (value.isValueNode() && !value.asText().isBlank()) {
                values.add(value.asText().strip());
            }
        }
        return values;
    }

    static List<QualityIndicator> indicators(JsonNode node, String name) {
        List<QualityIndicator> indicators = new ArrayList<>();
        for (JsonNode indicator : node.path("qualityIndicators")) {
            try {
                indicators.add(new QualityIndicator(
                        required(indicator, "name", name + ".name"),
                        decimal(indicator, "value", name + ".value")
                                .orElseThrow(() -> new MappingException(name + ".value", "is missing")),
                        required(indicator, "scale", name + ".scale"),
                        LocalDate.parse(required(indicator, "date", name + ".date"))));
            } catch (DateTimeParseException e) {
                throw new MappingException(name + ".date", "must be an ISO-8601 date");
            } catch (InvalidValueException e) {
                throw new MappingException(name, e);
            }
        }
        return indicators;
    }
}
