package fi.avain.routes.reports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Reads a period's report files for the API: the aggregates whole, the rows a page at a time, read as a
 * stream so a large {@code costs.json} never sits in memory. Decimals keep their written form (12.50).
 */
@Component
class CostReportFiles {
    private static final ObjectMapper READER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private final CostReportSettings settings;

    CostReportFiles(CostReportSettings settings) {
        this.settings = settings;
    }

    /** A page of rows and how many rows matched in all. */
    record RowsPage(ArrayNode items, long totalItems) {
    }

    /** The period's file, when the report has been made. */
    Optional<Path> file(ReportPeriod period, String name) {
        Path file = settings.dir(period).resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    boolean made(ReportPeriod period) {
        return file(period, AggregateFiles.JSON).isPresent() && file(period, CostRowsWriter.JSON).isPresent();
    }

    ObjectNode aggregates(ReportPeriod period) {
        Path file = settings.dir(period).resolve(AggregateFiles.JSON);
        try {
            return (ObjectNode) READER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    RowsPage rows(ReportPeriod period, Predicate<JsonNode> wanted, int offset, int limit) {
        Path file = settings.dir(period).resolve(CostRowsWriter.JSON);
        ArrayNode items = READER.createArrayNode();
        long total = 0;
        try (JsonParser json = READER.createParser(file.toFile())) {
            if (!toRows(json)) {
                return new RowsPage(items, 0);
            }
            while (json.nextToken() == JsonToken.START_OBJECT) {
                JsonNode row = READER.readTree(json);
                if (wanted.test(row)) {
                    if (total >= offset && items.size() < limit) {
                        items.add(row);
                    }
                    total++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new RowsPage(items, total);
    }

    /** Moves the parser to just inside the top-level "rows" array; false when there is none. */
    private static boolean toRows(JsonParser json) throws IOException {
        if (json.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if ("rows".equals(field) && value == JsonToken.START_ARRAY) {
                return true;
            }
            json.skipChildren();
        }
        return false;
    }
}
