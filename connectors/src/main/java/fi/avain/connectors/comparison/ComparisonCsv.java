package fi.avain.connectors.comparison;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** The CSV export of docs/connectors/comparison.md: one line per service, RFC 4180 quoting, {@code ;}. */
final class ComparisonCsv {
    static final String HEADER = "business_id;provider_name_fi;provider_name_sv;provider_type;provider_municipality;"
            + "provider_feedback_score;provider_indicators;provider_updated_at;service_id;ptv_service_id;"
            + "service_name_fi;service_name_sv;service_classes;municipalities;price_eur;price_unit;funding_modes;"
            + "service_feedback_score;service_indicators;service_updated_at";

    private ComparisonCsv() {
    }

    static void writeHeader(Writer out) throws IOException {
        out.write(HEADER);
        out.write("\r\n");
    }

    static void writeProvider(JsonNode provider, Writer out) throws IOException {
        List<String> providerCells = List.of(text(provider, "businessId"), text(provider.path("name"), "fi"),
                text(provider.path("name"), "sv"), text(provider, "providerType"), text(provider, "municipality"),
                text(provider, "feedbackScore"), indicators(provider), text(provider, "updatedAt"));
        JsonNode services = provider.path("services");
        if (services.isEmpty()) {
            writeLine(providerCells, List.of("", "", "", "", "", "", "", "", "", "", "", ""), out);
        }
        for (JsonNode service : services) {
            writeLine(providerCells, List.of(text(service, "id"), text(service, "ptvServiceId"),
                    text(service.path("name"), "fi"), text(service.path("name"), "sv"), joined(service, "serviceClasses"),
                    joined(service, "municipalities"), text(service, "price"), text(service, "priceUnit"),
                    joined(service, "fundingModes"), text(service, "feedbackScore"), indicators(service),
                    text(service, "updatedAt")), out);
        }
    }

    private static void writeLine(List<String> first, List<String> second, Writer out) throws IOException {
        List<String> cells = new ArrayList<>(first);
        cells.addAll(second);
        out.write(cells.stream().map(ComparisonCsv::quote).collect(Collectors.joining(";")));
        out.write("\r\n");
    }

    private static String quote(String cell) {
        if (cell.contains(";") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }

    private static String joined(JsonNode node, String field) {
        return StreamSupport.stream(node.path(field).spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.joining("|"));
    }

    private static String indicators(JsonNode node) {
        return StreamSupport.stream(node.path("qualityIndicators").spliterator(), false)
                .map(i -> text(i, "name") + "=" + text(i, "value") + "/" + text(i, "scale") + "@" + text(i, "date"))
                .collect(Collectors.joining("|"));
    }
}
