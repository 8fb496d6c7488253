package fi.avain.routes.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code <avain.data-dir>/reports/service-gaps/service-gaps.csv} and {@code .json}. Each is written to a
 * temporary file beside it and moved into place, so a reader (the REST API, the cost report's HTML) sees
 * the previous report or the new one, never half of one.
 */
@Component
class ServiceGapFiles {
    static final String CSV = "service-gaps.csv";
    static final String JSON = "service-gaps.json";
    private static final String CSV_HEADER = "tenant,municipality,serviceClass,clients,suppressed,services,providers,status";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path directory;

    ServiceGapFiles(@Value("${avain.data-dir:./data}") Path dataDir) {
        this.directory = dataDir.resolve("reports").resolve("service-gaps");
    }

    Path directory() {
        return directory;
    }

    void write(Instant generatedAt, List<ServiceGaps.Gap> needs) {
        try {
            Files.createDirectories(directory);
            replace(CSV, csv(needs).getBytes(StandardCharsets.UTF_8));
            replace(JSON, MAPPER.writeValueAsBytes(json(generatedAt, needs)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the service-gap report under " + directory, e);
        }
    }

    /** The latest report's JSON as written; empty when none has been produced here. */
    Optional<byte[]> latestJson() {
        try {
            return Optional.of(Files.readAllBytes(directory.resolve(JSON)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + directory.resolve(JSON), e);
        }
    }

    /** {"generatedAt", "needs": [...]}: the shape the cost report's HTML reads. */
    static ObjectNode json(Instant generatedAt, List<ServiceGaps.Gap> needs) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("generatedAt", generatedAt.toString());
        ArrayNode array = root.putArray("needs");
        for (ServiceGaps.Gap gap : needs) {
            ObjectNode need = array.addObject();
            need.put("tenant", gap.tenant());
            need.put("municipality", gap.municipality());
            need.put("serviceClass", gap.serviceClass());
            if (gap.suppressed()) {
                need.putNull("clients");
                need.put("suppressed", true);
            } else {
                need.put("clients", gap.clients());
            }
            need.put("services", gap.services());
            need.put("providers", gap.providers());
            need.put("status", gap.status().code());
        }
        return root;
    }

    static String csv(List<ServiceGaps.Gap> needs) {
        StringBuilder csv = new StringBuilder(CSV_HEADER).append("\r\n");
        for (ServiceGaps.Gap gap : needs) {
            csv.append(field(gap.tenant())).append(',')
                    .append(field(gap.municipality())).append(',')
                    .append(field(gap.serviceClass())).append(',')
                    .append(gap.suppressed() ? "" : gap.clients().toString()).append(',')
                    .append(gap.suppressed()).append(',')
                    .append(gap.services()).append(',')
                    .append(gap.providers()).append(',')
                    .append(gap.status().code()).append("\r\n");
        }
        return csv.toString();
    }

    /**
     * RFC 4180 quoting where needed; text a spreadsheet would take for a formula (=, +, -, @) is
     * prefixed with an apostrophe, since tenants and worker-written classes reach this file.
     */
    private static String field(String text) {
        String value = text == null ? "" : text;
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private void replace(String name, byte[] content) throws IOException {
        Path target = directory.resolve(name);
        Path temp = Files.createTempFile(directory, "." + name, ".tmp");
        try {
            Files.write(temp, content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
