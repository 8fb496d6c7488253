package fi.avain.mappings.comparison;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.mappings.MappingException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV export: one line per service with the provider's columns repeated. Each line is turned
 * into the JSON API's provider shape and checked on its own, so a bad line is reported with its
 * number; the good lines of one business id are then mapped together as one provider.
 */
final class ComparisonCsv {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final List<String> COLUMNS = List.of("business_id", "provider_name_fi", "provider_name_sv",
            "provider_type", "provider_municipality", "provider_feedback_score", "provider_indicators",
            "provider_updated_at", "service_id", "ptv_service_id", "service_name_fi", "service_name_sv",
            "service_classes", "municipalities", "price_eur", "price_unit", "funding_modes",
            "service_feedback_score", "service_indicators", "service_updated_at");

    private final ComparisonMapper mapper;

    ComparisonCsv(ComparisonMapper mapper) {
        this.mapper = mapper;
    }

    List<CsvRecord> read(Reader reader) {
        List<CsvParser.Line> lines = CsvParser.parse(reader);
        if (lines.isEmpty() || lines.get(0).error() != null) {
            return List.of(CsvRecord.failed(1, "header: missing or malformed"));
        }
        Map<String, Integer> header = header(lines.get(0).fields());
        List<String> missing = COLUMNS.stream().filter(c -> !header.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            return List.of(CsvRecord.failed(1, "header: missing columns " + String.join(", ", missing)));
        }
        List<CsvRecord> errors = new ArrayList<>();
        Map<String, Group> groups = new LinkedHashMap<>();
        for (CsvParser.Line line : lines.subList(1, lines.size())) {
            if (line.fields() != null && line.fields().size() == 1 && line.fields().get(0).isBlank()) {
                continue;
            }
            try {
                ObjectNode row = row(line, header);
                mapper.provider(row);
                groups.computeIfAbsent(row.get("businessId").asText(), k -> new Group(line.number(), row))
                        .add(row);
            } catch (MappingException e) {
                errors.add(CsvRecord.failed(line.number(), e.getMessage()));
            }
        }
        List<CsvRecord> records = new ArrayList<>(errors);
        groups.values().forEach(group -> records.add(CsvRecord.ok(group.firstLine, mapper.provider(group.provider))));
        records.sort((a, b) -> Integer.compare(a.lineNumber(), b.lineNumber()));
        return records;
    }

    private static Map<String, Integer> header(List<String> fields) {
        Map<String, Integer> header = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            header.put(fields.get(i).strip().replace("\uFEFF", ""), i);
        }
        return header;
    }

    private static ObjectNode row(CsvParser.Line line, Map<String, Integer> header) {
        if (line.error() != null) {
            throw new MappingException("csv", line.error());
        }
        if (line.fields().size() != header.size()) {
            throw new MappingException("csv", "line has " + line.fields().size() + " fields, the header "
                    + header.size());
        }
        Cells cells = new Cells(line.fields(), header);
        ObjectNode provider = NODES.objectNode();
        provider.put("businessId", cells.get("business_id"));
        provider.set("name", names(cells, "provider_name_fi", "provider_name_sv"));
        provider.put("providerType", cells.get("provider_type"));
        provider.put("municipality", cells.get("provider_municipality"));
        provider.put("feedbackScore", cells.get("provider_feedback_score"));
        provider.set("qualityIndicators", CsvIndicators.parse(cells.get("provider_indicators"), "provider_indicators"));
        provider.put("updatedAt", cells.get("provider_updated_at"));
        ArrayNode services = provider.putArray("services");
        if (!cells.get("service_id").isBlank()) {
            services.add(service(cells));
        }
        return provider;
    }

    private static ObjectNode service(Cells cells) {
        ObjectNode service = NODES.objectNode();
        service.put("id", cells.get("service_id"));
        service.put("ptvServiceId", cells.get("ptv_service_id"));
        service.set("name", names(cells, "service_name_fi", "service_name_sv"));
        service.set("serviceClasses", cells.list("service_classes"));
        service.set("municipalities", cells.list("municipalities"));
        service.put("price", cells.get("price_eur"));
        service.put("priceUnit", cells.get("price_unit"));
        service.set("fundingModes", cells.list("funding_modes"));
        service.put("feedbackScore", cells.get("service_feedback_score"));
        service.set("qualityIndicators", CsvIndicators.parse(cells.get("service_indicators"), "service_indicators"));
        service.put("updatedAt", cells.get("service_updated_at"));
        return service;
    }

    private static ObjectNode names(Cells cells, String finnish, String swedish) {
        return NODES.objectNode().put("fi", cells.get(finnish)).put("sv", cells.get(swedish));
    }

    /** The rows of one business id, merged into one provider with all their services. */
    private static final class Group {
        private final int firstLine;
        private final ObjectNode provider;

        Group(int firstLine, ObjectNode first) {
            this.firstLine = firstLine;
            this.provider = first.deepCopy();
            ((ArrayNode) provider.get("services")).removeAll();
        }

        void add(ObjectNode row) {
            ((ArrayNode) provider.get("services")).addAll((ArrayNode) row.get("services"));
        }
    }

    private record Cells(List<String> fields, Map<String, Integer> header) {
        String get(String column) {
            return fields.get(header.get(column)).strip();
        }

        ArrayNode list(String column) {
            ArrayNode array = NODES.arrayNode();
            for (String value : get(column).split("\\|")) {
                if (!value.isBlank()) {
                    array.add(value.strip());
                }
            }
            return array;
        }
    }
}
