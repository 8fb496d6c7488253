package fi.avain.routes.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code job service-gaps} left in {@code <data-dir>/reports/service-gaps/service-gaps.json}, read
 * leniently: the report shows what is there, a field missing is blank, and a file that cannot be read is
 * named as such rather than failing the report.
 */
record ServiceGapsFile(String generatedAt, List<Need> needs, int total, String problem) {
    static final String DIR = "service-gaps";
    static final String FILE = "service-gaps.json";
    static final int MAX_NEEDS = 1000;
    private static final long MAX_BYTES = 32L * 1024 * 1024;

    record Need(String tenant, String municipality, String serviceClass, String clients, String services,
                String providers, String status) {
    }

    /** Empty when there is no such file. */
    static Optional<ServiceGapsFile> read(Path reportsDir) {
        Path file = reportsDir.resolve(DIR).resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                return Optional.of(problem("the file is larger than " + MAX_BYTES / 1024 / 1024 + " MB"));
            }
            JsonNode root = ReportJson.MAPPER.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                return Optional.of(problem("the file does not hold a JSON object"));
            }
            JsonNode needs = root.path("needs");
            if (!needs.isArray()) {
                return Optional.of(problem("the file has no list of needs"));
            }
            List<Need> out = new ArrayList<>();
            for (JsonNode need : needs) {
                if (out.size() == MAX_NEEDS) {
                    break;
                }
                if (need.isObject()) {
                    out.add(new Need(text(need, "tenant"), text(need, "municipality"), text(need, "serviceClass"),
                            text(need, "clients"), text(need, "services"), text(need, "providers"),
                            text(need, "status")));
                }
            }
            return Optional.of(new ServiceGapsFile(text(root, "generatedAt"), out, needs.size(), null));
        } catch (IOException e) {
            return Optional.of(problem("the file is not valid JSON"));
        }
    }

    private static ServiceGapsFile problem(String why) {
        return new ServiceGapsFile("", List.of(), 0, why);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? "" : value.asText();
    }
}
