package fi.avain.mappings.ptv;

import com.fasterxml.jackson.databind.JsonNode;
import fi.avain.mappings.MappingException;
import fi.avain.mappings.model.LocalizedText;
import fi.avain.mappings.model.MunicipalityCode;
import fi.avain.mappings.model.PublicationStatus;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reading PTV Open API v11 fields: the shapes every PTV object shares. */
final class PtvFields {
    private PtvFields() {
    }

    /** A non-blank text value, stripped; PTV sends null and "" for absent values alike. */
    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.asText().strip());
    }

    static UUID id(JsonNode node, String field, String name) {
        return uuid(node.get(field), name).orElseThrow(() -> new MappingException(name, "is missing"));
    }

    static Optional<UUID> uuid(JsonNode value, String name) {
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            return Optional.empty();
        }
        String text = value.asText();
        if (!value.isTextual() || text.length() != 36) {
            throw new MappingException(name, "must be a UUID");
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new MappingException(name, "must be a UUID");
        }
    }

    /**
     * A localized text from PTV's [{language, value, type}] list, taking per language the value of
     * the first type in {@code types} that has one; with no types, every entry counts. Languages
     * outside PTV's six are skipped: one stray translation must not cost the whole item.
     */
    static LocalizedText localized(JsonNode list, String... types) {
        Map<String, String> values = new HashMap<>();
        Map<String, Integer> rank = new HashMap<>();
        for (JsonNode entry : list) {
            String language = entry.path("language").asText("");
            Optional<String> value = text(entry, "value");
            int typeRank = rankOf(entry.path("type").asText(""), types);
            if (value.isEmpty() || typeRank < 0 || !LocalizedText.LANGUAGES.contains(language)) {
                continue;
            }
            if (typeRank < rank.getOrDefault(language, Integer.MAX_VALUE)) {
                values.put(language, value.get());
                rank.put(language, typeRank);
            }
        }
        return values.isEmpty() ? LocalizedText.EMPTY : new LocalizedText(values);
    }

    private static int rankOf(String type, String[] types) {
        if (types.length == 0) {
            return 0;
        }
        for (int i = 0; i < types.length; i++) {
            if (types[i].equals(type)) {
                return i;
            }
        }
        return -1;
    }

    static List<String> texts(JsonNode list, String field) {
        List<String> values = new ArrayList<>();
        for (JsonNode entry : list) {
            text(entry, field).ifPresent(values::add);
        }
        return values;
    }

    static List<String> languages(JsonNode list) {
        Set<String> languages = new LinkedHashSet<>();
        for (JsonNode language : list) {
            if (language.isTextual() && !language.asText().isBlank()) {
                languages.add(language.asText().strip());
            }
        }
        return List.copyOf(languages);
    }

    static Optional<MunicipalityCode> municipality(JsonNode municipality, String name) {
        return text(municipality, "code").map(code -> MappingException.parse(name, code, MunicipalityCode::parse));
    }

    /** Municipality codes of every area, in order, without repeats. */
    static List<MunicipalityCode> areaMunicipalities(JsonNode areas, String name) {
        Set<MunicipalityCode> codes = new LinkedHashSet<>();
        for (JsonNode area : areas) {
            for (JsonNode municipality : area.path("municipalities")) {
                municipality(municipality, name).ifPresent(codes::add);
            }
        }
        return List.copyOf(codes);
    }

    static PublicationStatus status(JsonNode node, String name) {
        return switch (node.path("publishingStatus").asText("")) {
            case "Published" -> PublicationStatus.PUBLISHED;
            case "Archived" -> PublicationStatus.ARCHIVED;
            case "Withdrawn", "Deleted" -> PublicationStatus.WITHDRAWN;
            default -> throw new MappingException(name, "must be Published, Archived, Withdrawn or Deleted");
        };
    }

    /**
     * PTV writes {@code modified} without a zone and with 0 to 7 fractional digits; it is UTC.
     * A trailing Z or offset is honoured.
     */
    static Instant modified(JsonNode node, String name) {
        String text = text(node, "modified").orElseThrow(() -> new MappingException(name, "is missing"));
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from,
                    LocalDateTime::from);
            return parsed instanceof OffsetDateTime offset
                    ? offset.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new MappingException(name, "must be an ISO-8601 date and time");
        }
    }
}
