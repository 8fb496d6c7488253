package fi.avain.routes.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;

/** {@code aggregates.csv} (the groups) and {@code aggregates.json} (every figure of the report). */
final class AggregateFiles {
    static final String CSV = "aggregates.csv";
    static final String JSON = "aggregates.json";

    private AggregateFiles() {
    }

    static void write(Path dir, ReportFigures figures) {
        StringBuilder csv = new StringBuilder(Csv.line(ReportFigures.Group.COLUMNS));
        figures.groups().forEach(g -> csv.append(Csv.line(g.values())));
        AtomicFiles.write(dir.resolve(CSV), csv.toString());
        try {
            AtomicFiles.write(dir.resolve(JSON), ReportJson.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(figures));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report's aggregates as JSON", e);
        }
    }
}
