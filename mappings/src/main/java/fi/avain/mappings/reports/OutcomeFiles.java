package fi.avain.mappings.reports;

import fi.avain.mappings.MappingException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads an outcomes file (docs/formats/outcomes.md): measurements with one column per dimension score.
 * An empty score cell is no score, so one file can hold instruments with different dimensions.
 */
public final class OutcomeFiles {
    static final ReportCsv.Columns COLUMNS = new ReportCsv.Columns(List.of("client", "instrument", "date"),
            List.of("goal"), true);
    private static final int BUFFER_BYTES = 64 * 1024;

    private OutcomeFiles() {
    }

    /**
     * Hands every line of {@code file} to {@code sink} in file order; dates after {@code today} are refused.
     *
     * @throws MappingException when the header is missing or wrong: then no line can be read
     * @throws UncheckedIOException when the file cannot be read
     */
    public static void read(Path file, LocalDate today, Consumer<FileLine<OutcomeRecord>> sink) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES)) {
            read(in, today, sink);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the outcomes file " + file.getFileName(), e);
        }
    }

    /** As {@link #read(Path, LocalDate, Consumer)}, from a stream (a stored line, for one). */
    public static void read(InputStream in, LocalDate today, Consumer<FileLine<OutcomeRecord>> sink)
            throws IOException {
        ReportCsv.read(in, COLUMNS, row -> ClientRef.parse("client", row.get("client")), row -> record(row, today),
                sink);
    }

    private static OutcomeRecord record(Map<String, String> row, LocalDate today) {
        ClientRef client = ClientRef.parse("client", row.get("client"));
        String instrument = ReportFields.code("instrument", row.get("instrument"));
        LocalDate date = ReportFields.date("date", row.get("date"), today);
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        for (String dimension : ReportCsv.others(row, COLUMNS)) {
            String text = row.get(dimension);
            if (text != null && !text.isBlank()) {
                scores.put(dimension, ReportFields.score(dimension, text));
            }
        }
        if (scores.isEmpty()) {
            throw new MappingException("scores", "none given: one column per dimension of the instrument");
        }
        return new OutcomeRecord(client, instrument, date, scores, ReportFields.optionalText("goal", row.get("goal")));
    }
}
