package fi.avain.mappings.reports;

import fi.avain.mappings.GoldenFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Costs and outcomes files, and outcomes as JSON, in; records or per-line refusals out (docs/formats/). */
class ReportsGoldenTest {
    /** The day the golden files are read on: March 2026 is the last month that is not in the future. */
    static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    static Stream<Path> costs() {
        return GoldenFiles.inputs("reports/costs");
    }

    static Stream<Path> outcomes() {
        return GoldenFiles.inputs("reports/outcomes");
    }

    static Stream<Path> outcomeJson() {
        return GoldenFiles.inputs("reports/outcome-json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("costs")
    void readsEveryLineOfACostsFile(Path input) {
        GoldenFiles.checkFile(input, file -> {
            List<FileLine<CostRecord>> lines = new ArrayList<>();
            CostFiles.read(file, TODAY, lines::add);
            return ReportJson.lines(lines, ReportJson::cost);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outcomes")
    void readsEveryLineOfAnOutcomesFile(Path input) {
        GoldenFiles.checkFile(input, file -> {
            List<FileLine<OutcomeRecord>> lines = new ArrayList<>();
            OutcomeFiles.read(file, TODAY, lines::add);
            return ReportJson.lines(lines, ReportJson::outcome);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outcomeJson")
    void readsAnOutcomeSentAsJson(Path input) {
        GoldenFiles.checkFile(input, file -> ReportJson.submission(OutcomeJson.read(bytes(file), TODAY)));
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
