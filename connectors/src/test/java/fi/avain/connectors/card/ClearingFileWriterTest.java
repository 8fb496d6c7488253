package fi.avain.connectors.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.avain.mappings.card.ClearingFiles;
import fi.avain.mappings.card.ClearingLine;
import fi.avain.mappings.card.ClearingRecord;
import fi.avain.mappings.card.ClearingType;
import fi.avain.mappings.model.Money;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClearingFileWriterTest {
    /** The documented example day (docs/formats/card-clearing.md), read by the mappings' golden test too. */
    private static final Path DAY = Path.of("../mappings/src/test/resources/golden/card/clearing/day.input.csv");
    private static final Clock EVENING = Clock.fixed(Instant.parse("2026-11-23T20:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void writesTheDocumentedDayBackWithTheSameSettlementTotal() {
        List<ClearingRecord> documented = records(DAY);
        ClearingRecord settlement = documented.get(documented.size() - 1);
        ClearingFileWriter writer = new ClearingFileWriter(dir, EVENING);
        documented.stream().filter(r -> r.type() != ClearingType.SETTLEMENT).forEach(writer::append);

        Path file = writer.close();

        List<ClearingRecord> written = records(file);
        assertThat(written.subList(0, 8)).isEqualTo(documented.subList(0, 8));
        ClearingRecord total = written.get(8);
        assertThat(total.type()).isEqualTo(ClearingType.SETTLEMENT);
        assertThat(total.amount()).isEqualTo(settlement.amount());
        assertThat(total.count()).isEqualTo(settlement.count());
        assertThat(total.settlementDate()).isEqualTo(settlement.settlementDate());
        assertThat(total.recordId()).isEqualTo("clearing-20261123-220000-1-settlement-20261123");
    }

    @Test
    void writesASettlementRowPerDateAndAZeroOneForAnEmptyFile() {
        ClearingFileWriter writer = new ClearingFileWriter(dir, EVENING);
        writer.append(capture("r1", "a1", 1000, LocalDate.parse("2026-11-24")));
        writer.append(capture("r2", "a2", 250, LocalDate.parse("2026-11-23")));

        List<ClearingRecord> first = records(writer.close());
        List<ClearingRecord> empty = records(writer.close());

        assertThat(first.subList(2, 4)).extracting(ClearingRecord::settlementDate, ClearingRecord::amount, ClearingRecord::count)
                .containsExactly(
                        Tuple.tuple(LocalDate.parse("2026-11-23"), Money.ofCents(250), 1),
                        Tuple.tuple(LocalDate.parse("2026-11-24"), Money.ofCents(1000), 1));
        assertThat(empty).singleElement().satisfies(row -> {
            assertThat(row.amount()).isEqualTo(Money.ZERO);
            assertThat(row.count()).isZero();
            assertThat(row.settlementDate()).isEqualTo(LocalDate.parse("2026-11-23"));
        });
    }

    @Test
    void countsAReversalOnlyAsFarAsItUndoesACapture() {
        ClearingFileWriter writer = new ClearingFileWriter(dir, EVENING);
        LocalDate day = LocalDate.parse("2026-11-23");
        writer.append(reversal("r1", "held-only", 4000, day));
        writer.append(capture("r2", "partly", 3000, day));
        writer.append(reversal("r3", "partly", 5000, day));

        ClearingRecord total = records(writer.close()).get(3);

        assertThat(total.amount()).isEqualTo(Money.ZERO);
        assertThat(total.count()).isEqualTo(3);
    }

    @Test
    void keepsTheFileUnderATemporaryNameUntilItIsClosed() throws IOException {
        ClearingFileWriter writer = new ClearingFileWriter(dir, EVENING);
        writer.append(capture("r1", "a1", 100, LocalDate.parse("2026-11-23")));

        assertThat(names()).containsExactly("clearing-20261123-220000-1.csv.part");
        writer.close();
        writer.append(capture("r2", "a1", 100, LocalDate.parse("2026-11-23")));
        assertThat(names()).containsExactlyInAnyOrder("clearing-20261123-220000-1.csv",
                "clearing-20261123-220000-2.csv.part");
    }

    @Test
    void quotesWhatNeedsQuotingAsRfc4180Says() {
        ClearingRecord record = new ClearingRecord("r1", ClearingType.CAPTURE, "a1", "c1", Money.ofCents(1),
                "5812", "Kahvila \"Kulma\", Oulu", Instant.parse("2026-11-23T10:00:00Z"), LocalDate.parse("2026-11-23"), null);

        assertThat(ClearingFileWriter.csvLine(record)).isEqualTo(
                "r1,capture,a1,c1,0.01,EUR,5812,\"Kahvila \"\"Kulma\"\", Oulu\",2026-11-23T10:00:00Z,2026-11-23,\n");
    }

    @Test
    void leavesSettlementRowsToClose() {
        ClearingFileWriter writer = new ClearingFileWriter(dir, EVENING);
        ClearingRecord settlement = new ClearingRecord("s1", ClearingType.SETTLEMENT, null, null, Money.ZERO, null, null,
                Instant.parse("2026-11-23T10:00:00Z"), LocalDate.parse("2026-11-23"), 0);

        assertThatThrownBy(() -> writer.append(settlement)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ClearingRecord capture(String id, String authorization, long cents, LocalDate date) {
        return new ClearingRecord(id, ClearingType.CAPTURE, authorization, "c1", Money.ofCents(cents), "8099", null,
                Instant.parse("2026-11-23T10:00:00Z"), date, null);
    }

    private static ClearingRecord reversal(String id, String authorization, long cents, LocalDate date) {
        return new ClearingRecord(id, ClearingType.REVERSAL, authorization, "c1", Money.ofCents(cents), null, null,
                Instant.parse("2026-11-23T10:00:00Z"), date, null);
    }

    private static List<ClearingRecord> records(Path file) {
        List<ClearingLine> lines = new ArrayList<>();
        ClearingFiles.read(file, lines::add);
        assertThat(lines).allMatch(ClearingLine::valid);
        return lines.stream().map(ClearingLine::record).toList();
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }
}
