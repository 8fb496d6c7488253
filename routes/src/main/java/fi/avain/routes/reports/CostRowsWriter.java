package fi.avain.routes.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes {@code costs.csv} and {@code costs.json} row by row as the clients stream past, under temporary
 * names; {@link #finish()} moves both into place, {@link #close()} without it leaves the old files.
 */
final class CostRowsWriter implements AutoCloseable {
    static final String CSV = "costs.csv";
    static final String JSON = "costs.json";

    private final Path dir;
    private final Path csvTemp;
    private final Path jsonTemp;
    private final BufferedWriter csv;
    private final JsonGenerator json;
    private long rows;
    private boolean finished;

    CostRowsWriter(Path dir, ReportPeriod period, Instant generatedAt, int minGroupSize) {
        this.dir = dir;
        this.csvTemp = AtomicFiles.temp(dir.resolve(CSV));
        this.jsonTemp = AtomicFiles.temp(dir.resolve(JSON));
        try {
            csv = Files.newBufferedWriter(csvTemp, StandardCharsets.UTF_8);
            csv.write(Csv.line(CostRow.COLUMNS));
            json = ReportJson.MAPPER.getFactory().createGenerator(Files.newOutputStream(jsonTemp));
            json.writeStartObject();
            json.writeStringField("period", period.toString());
            json.writeArrayFieldStart("months");
            for (var month : period.months()) {
                json.writeString(month.toString());
            }
            json.writeEndArray();
            json.writeStringField("generatedAt", generatedAt.toString());
            json.writeNumberField("minGroupSize", minGroupSize);
            json.writeArrayFieldStart("rows");
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot write the cost rows in " + dir, e);
        }
    }

    void write(CostRow row) {
        List<Object> values = row.values();
        try {
            csv.write(Csv.line(values));
            json.writeStartObject();
            for (int i = 0; i < values.size(); i++) {
                json.writeFieldName(CostRow.COLUMNS.get(i));
                ReportJson.value(json, values.get(i));
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cost rows in " + dir, e);
        }
        rows++;
    }

    long rows() {
        return rows;
    }

    void finish() {
        try {
            json.writeEndArray();
            json.writeEndObject();
            json.close();
            csv.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cost rows in " + dir, e);
        }
        AtomicFiles.commit(csvTemp, dir.resolve(CSV));
        AtomicFiles.commit(jsonTemp, dir.resolve(JSON));
        finished = true;
    }

    @Override
    public void close() {
        if (finished) {
            return;
        }
        try {
            if (json != null) {
                json.close();
            }
            if (csv != null) {
                csv.close();
            }
        } catch (IOException e) {
            // the temporary files are deleted below either way
        }
        AtomicFiles.deleteQuietly(csvTemp);
        AtomicFiles.deleteQuietly(jsonTemp);
    }
}
