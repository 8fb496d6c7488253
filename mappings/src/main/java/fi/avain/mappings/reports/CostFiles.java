package fi.avain.mappings.reports;

import fi.avain.mappings.MappingException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a costs file (docs/formats/costs.md): each client's cost per service class and month from a
 * finance system, one record at a time, so memory stays flat however long the file.
 */
public final class CostFiles {
    static final ReportCsv.Columns COLUMNS = new ReportCsv.Columns(
            List.of("client", "client_group", "service_class", "period", "cost", "source"),
            List.of("cohort", "staff_hours", "assistant_hours"), false);
    private static final int BUFFER_BYTES = 64 * 1024;

    private CostFiles() {
    }

    /**
     * Hands every line of {@code file} to {@code sink} in file order; {@code today} (in Finland) bounds
     * the months.
     *
     * @throws MappingException when the header is missing or wrong: then no line can be read
     * @throws UncheckedIOException when the file cannot be read
     */
    public static void read(Path file, LocalDate today, Consumer<FileLine<CostRecord>> sink) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES)) {
            read(in, today, sink);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the costs file " + file.getFileName(), e);
        }
    }

    /** As {@link #read(Path, LocalDate, Consumer)}, from a stream (a stored line, for one). */
    public static void read(InputStream in, LocalDate today, Consumer<FileLine<CostRecord>> sink) throws IOException {
        ReportCsv.read(in, COLUMNS, row -> ClientRef.parse("client", row.get("client")), row -> record(row, today),
                sink);
    }

    private static CostRecord record(Map<String, String> row, LocalDate today) {
        return new CostRecord(
                ClientRef.parse("client", row.get("client")),
                ReportFields.code("client_group", row.get("client_group")),
                ReportFields.cohort("cohort", row.get("cohort")),
                ReportFields.serviceClass("service_class", row.get("service_class")),
                ReportFields.month("period", row.get("period"), today),
                ReportFields.cost("cost", row.get("cost")),
                ReportFields.code("source", row.get("source")),
                ReportFields.hours("staff_hours", row.get("staff_hours")),
                ReportFields.hours("assistant_hours", row.get("assistant_hours")));
    }
}
