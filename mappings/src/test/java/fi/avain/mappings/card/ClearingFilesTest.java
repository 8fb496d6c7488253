package fi.avain.mappings.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.avain.mappings.MappingException;
import fi.avain.mappings.model.Money;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClearingFilesTest {
    private static final String HEADER = "record_id,type,authorization_id,card_id,amount,currency,"
            + "merchant_category_code,merchant_name,occurred_at,settlement_date,count";
    private static final String CAPTURE = "r1,capture,a1,c1,12.50,EUR,8099,Liike,2026-11-23T10:00:00Z,2026-11-23,";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "unknown type        | r1,chargeback,a1,c1,12.50,EUR,8099,Liike,2026-11-23T10:00:00Z,2026-11-23,   | type: must be capture, refund, reversal or settlement",
            "missing record id   | ,capture,a1,c1,12.50,EUR,8099,Liike,2026-11-23T10:00:00Z,2026-11-23,        | record_id: is missing",
            "zero amount         | r1,capture,a1,c1,0.00,EUR,8099,Liike,2026-11-23T10:00:00Z,2026-11-23,       | amount: must be more than zero",
            "negative amount     | r1,refund,a1,c1,-5.00,EUR,8099,Liike,2026-11-23T10:00:00Z,2026-11-23,       | amount: must be more than zero",
            "fraction of a cent  | r1,capture,a1,c1,12.505,EUR,8099,Liike,2026-11-23T10:00:00Z,2026-11-23,     | amount: must be euros with at most two decimals, like 12.50",
            "missing amount      | r1,capture,a1,c1,,EUR,8099,Liike,2026-11-23T10:00:00Z,2026-11-23,           | amount: is missing",
            "not euros           | r1,capture,a1,c1,12.50,USD,8099,Liike,2026-11-23T10:00:00Z,2026-11-23,      | currency: must be EUR",
            "three-digit mcc     | r1,capture,a1,c1,12.50,EUR,809,Liike,2026-11-23T10:00:00Z,2026-11-23,       | merchant_category_code: must be exactly four digits",
            "capture without mcc | r1,capture,a1,c1,12.50,EUR,,Liike,2026-11-23T10:00:00Z,2026-11-23,          | merchant_category_code: is missing",
            "capture without card| r1,capture,a1,,12.50,EUR,8099,Liike,2026-11-23T10:00:00Z,2026-11-23,        | card_id: is missing",
            "count on a capture  | r1,capture,a1,c1,12.50,EUR,8099,Liike,2026-11-23T10:00:00Z,2026-11-23,3     | count: must be empty except on a settlement row",
            "card on settlement  | s1,settlement,,c1,12.50,EUR,,,2026-11-23T22:00:00Z,2026-11-23,1             | card_id: must be empty on a settlement row",
            "negative count      | s1,settlement,,,12.50,EUR,,,2026-11-23T22:00:00Z,2026-11-23,-1              | count: must be a whole number, zero or more",
            "time without zone   | r1,capture,a1,c1,12.50,EUR,8099,Liike,2026-11-23T10:00:00,2026-11-23,       | occurred_at: must be an ISO-8601 time with a zone, like 2026-11-23T10:00:00Z",
            "finnish date        | r1,capture,a1,c1,12.50,EUR,8099,Liike,2026-11-23T10:00:00Z,23.11.2026,      | settlement_date: must be an ISO-8601 date, like 2026-11-23",
            "quote inside a field| r1,capture,a1,c1,12.50,EUR,8099,Li\"ike,2026-11-23T10:00:00Z,2026-11-23,     | line: a quote inside an unquoted field",
            "text after a quote  | r1,capture,a1,c1,12.50,EUR,8099,\"Li\"ke,2026-11-23T10:00:00Z,2026-11-23,   | line: text follows a closing quote",
            "too few fields      | r1,capture,a1,c1,12.50                                                      | line: has 5 fields, the header 11"})
    void reportsABadCsvLineAndReadsTheLinesAfterIt(String name, String bad, String reason) throws IOException {
        List<ClearingLine> lines = read("bad.csv", HEADER, CAPTURE, bad.strip(), CAPTURE.replace("r1", "r3"));

        assertThat(lines).extracting(ClearingLine::lineNumber).containsExactly(2, 3, 4);
        assertThat(lines.get(1).error()).isEqualTo(reason);
        assertThat(lines.get(1).raw()).isEqualTo(bad.strip());
        assertThat(lines.get(0).valid()).isTrue();
        assertThat(lines.get(2).record().recordId()).isEqualTo("r3");
    }

    @Test
    void acceptsAReversalWithoutMerchantAndASettlementThatIsNotPositive() throws IOException {
        List<ClearingLine> lines = read("edge.csv", HEADER,
                "r1,reversal,a1,c1,12.50,EUR,,,2026-11-23T10:00:00Z,2026-11-23,",
                "s1,SETTLEMENT,,,-2.50,EUR,,,2026-11-23T22:00:00Z,2026-11-23,1",
                "s2,settlement,,,0.00,EUR,,,2026-11-24T22:00:00Z,2026-11-24,");

        assertThat(lines).allMatch(ClearingLine::valid);
        assertThat(lines.get(0).record().merchantCategoryCode()).isNull();
        assertThat(lines.get(1).record().amount()).isEqualTo(Money.ofCents(-250));
        assertThat(lines.get(1).record().count()).isEqualTo(1);
        assertThat(lines.get(2).record().count()).isNull();
    }

    @Test
    void readsColumnsInAnyOrderAndIgnoresColumnsItDoesNotKnow() throws IOException {
        List<ClearingLine> lines = read("order.csv",
                "count,settlement_date,occurred_at,merchant_name,merchant_category_code,currency,amount,card_id,"
                        + "authorization_id,type,record_id,network",
                ",2026-11-23,2026-11-23T10:00:00Z,Liike,8099,EUR,1.00,c1,a1,capture,r1,visa");

        assertThat(lines.get(0).record().recordId()).isEqualTo("r1");
        assertThat(lines.get(0).record().amount()).isEqualTo(Money.ofCents(100));
    }

    @Test
    void readsAQuotedFieldOverSeveralLinesWithCommasAndDoubledQuotes() throws IOException {
        List<ClearingLine> lines = read("quoted.csv", HEADER,
                "r1,capture,a1,c1,1.00,EUR,8099,\"Kahvila \"\"Kulma\"\", Oulu",
                "toinen rivi\",2026-11-23T10:00:00Z,2026-11-23,",
                CAPTURE.replace("r1", "r2"));

        assertThat(lines).extracting(ClearingLine::lineNumber).containsExactly(2, 4);
        assertThat(lines.get(0).record().merchantName()).isEqualTo("Kahvila \"Kulma\", Oulu\ntoinen rivi");
        assertThat(lines.get(0).raw()).contains("\n");
    }

    @Test
    void aQuoteLeftOpenCostsOnlyItsOwnLine() throws IOException {
        List<String> content = new ArrayList<>(List.of(HEADER, "r0,capture,a1,c1,1.00,EUR,8099,\"never closed,x,y,"));
        IntStream.rangeClosed(1, 40).forEach(i -> content.add(CAPTURE.replace("r1", "r" + i)));

        List<ClearingLine> lines = read("open.csv", content.toArray(String[]::new));

        assertThat(lines).hasSize(41);
        assertThat(lines.get(0).error()).isEqualTo("line: a quoted field is not closed");
        assertThat(lines.get(0).sourceId()).isEqualTo("open.csv:line:2");
        assertThat(lines.subList(1, 41)).allMatch(ClearingLine::valid);
        assertThat(lines.get(40).lineNumber()).isEqualTo(42);
    }

    @Test
    void aLineThatIsNotUtf8OrTooLongCostsOnlyItself() throws IOException {
        Path file = dir.resolve("bytes.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((HEADER + "\n" + CAPTURE + "\n").getBytes(StandardCharsets.UTF_8));
            out.write("r2,capture,a1,c1,1.00,EUR,8099,Caf".getBytes(StandardCharsets.UTF_8));
            out.write(new byte[] {(byte) 0xE9, ','});
            out.write("2026-11-23T10:00:00Z,2026-11-23,\n".getBytes(StandardCharsets.UTF_8));
            out.write(("r3," + "x".repeat(70_000) + "\n").getBytes(StandardCharsets.UTF_8));
            out.write(CAPTURE.replace("r1", "r4").getBytes(StandardCharsets.UTF_8));
        }
        List<ClearingLine> lines = new ArrayList<>();
        ClearingFiles.read(file, lines::add);

        assertThat(lines).extracting(ClearingLine::error).containsExactly(null, "line: is not valid UTF-8",
                "line: longer than 65536 bytes", null);
        assertThat(lines.get(3).record().recordId()).isEqualTo("r4");
    }

    @Test
    void readsJsonLinesAndReportsALineThatIsNotJsonOrBreaksARule() throws IOException {
        List<ClearingLine> lines = read("day.ndjson",
                "{\"recordId\":\"r1\",\"type\":\"capture\",\"authorizationId\":\"a1\",\"cardId\":\"c1\",\"amount\":12.5,"
                        + "\"currency\":\"EUR\",\"merchantCategoryCode\":\"8099\",\"occurredAt\":\"2026-11-23T10:00:00Z\","
                        + "\"settlementDate\":\"2026-11-23\"}",
                "{\"recordId\":\"r2\",",
                "",
                "{\"recordId\":\"r3\",\"type\":\"capture\",\"cardId\":\"c1\",\"amount\":12.505,\"currency\":\"EUR\","
                        + "\"merchantCategoryCode\":\"8099\",\"occurredAt\":\"2026-11-23T10:00:00Z\","
                        + "\"settlementDate\":\"2026-11-23\"}",
                "{\"recordId\":\"s1\",\"type\":\"settlement\",\"amount\":\"12.50\",\"currency\":\"EUR\","
                        + "\"occurredAt\":\"2026-11-23T22:00:00Z\",\"settlementDate\":\"2026-11-23\",\"count\":\"one\"}");

        assertThat(lines).extracting(ClearingLine::lineNumber).containsExactly(1, 2, 4, 5);
        assertThat(lines.get(0).record().amount()).isEqualTo(Money.ofCents(1250));
        assertThat(lines.get(1).error()).isEqualTo("line: must be well-formed JSON without duplicate keys");
        assertThat(lines.get(1).sourceId()).isEqualTo("day.ndjson:line:2");
        assertThat(lines.get(2).error()).isEqualTo("amount: must be euros with at most two decimals, like 12.50");
        assertThat(lines.get(2).sourceId()).isEqualTo("day.ndjson:r3");
        assertThat(lines.get(3).error()).isEqualTo("count: must be a whole number, zero or more");
    }

    @Test
    void knowsTheFormatByTheEndingInAnyCase() {
        assertThat(ClearingFiles.accepts("DAY.CSV")).isTrue();
        assertThat(ClearingFiles.isCsv("DAY.CSV")).isTrue();
        assertThat(ClearingFiles.accepts("day.NDJSON")).isTrue();
        assertThat(ClearingFiles.isCsv("day.NDJSON")).isFalse();
        assertThat(ClearingFiles.accepts("day.jsonl")).isTrue();
        assertThat(ClearingFiles.accepts("day.csv.txt")).isFalse();
        assertThat(ClearingFiles.accepts("csv")).isFalse();
    }

    @Test
    void refusesAFileItCannotReadAtAll() throws IOException {
        assertThatThrownBy(() -> read("clearing.txt", HEADER))
                .isInstanceOf(MappingException.class).hasMessage("file: must end in .csv, .jsonl or .ndjson");
        assertThatThrownBy(() -> read("empty.csv"))
                .isInstanceOf(MappingException.class).hasMessage("header: is missing");
        assertThatThrownBy(() -> read("short.csv", "record_id,type,amount", "r1,capture,1.00"))
                .isInstanceOf(MappingException.class).hasMessage("header: is missing the columns authorization_id, "
                        + "card_id, currency, merchant_category_code, merchant_name, occurred_at, settlement_date, count");
        assertThatThrownBy(() -> read("twice.csv", HEADER + ",type"))
                .isInstanceOf(MappingException.class).hasMessage("header: names a column twice");
    }

    @Test
    void aHeaderWithoutRecordsIsAnEmptyFile() throws IOException {
        assertThat(read("none.csv", HEADER)).isEmpty();
        assertThat(read("none.jsonl")).isEmpty();
    }

    private List<ClearingLine> read(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, lines.length == 0 ? "" : Stream.of(lines).collect(Collectors.joining("\n")) + "\n");
        List<ClearingLine> read = new ArrayList<>();
        ClearingFiles.read(file, read::add);
        return read;
    }
}
