package fi.avain.mappings.card;

import static fi.avain.mappings.card.CardFields.required;
import static fi.avain.mappings.card.CardFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fi.avain.mappings.MappingException;
import fi.avain.mappings.card.ClearingRows.Column;
import fi.avain.mappings.card.ClearingRows.Naming;
import fi.avain.mappings.csv.CsvRows;
import fi.avain.mappings.csv.TextLines;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads a processor's clearing file (docs/formats/card-clearing.md), CSV or JSON lines, one record
 * at a time: memory stays flat however long the file, and a bad line is handed on with its reason
 * while the lines after it are still read.
 */
public final class ClearingFiles {
    /** Settlement dates are the processor's business days in Finland. */
    public static final ZoneId SETTLEMENT_ZONE = ZoneId.of("Europe/Helsinki");
    public static final String STRIPE_TRANSACTION_CREATED = "issuing_transaction.created";
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ClearingFiles() {
    }

    /**
     * Hands every record of {@code file} to {@code sink}, in file order. The format follows the
     * name: {@code .csv}, or {@code .jsonl} / {@code .ndjson} for JSON lines.
     *
     * @throws MappingException when the name has another ending or the CSV header is missing or
     *     lacks a column: then nothing in the file can be read
     * @throws UncheckedIOException when the file cannot be read
     */
    public static void read(Path file, Consumer<ClearingLine> sink) {
        String name = file.getFileName().toString();
        formatOf(name);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES)) {
            read(name, in, sink);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the clearing file " + name, e);
        }
    }

    /**
     * As {@link #read(Path, Consumer)}, from a stream named {@code name} (the name picks the format and
     * prefixes each line's source id), for a record kept elsewhere, such as a stored message.
     */
    public static void read(String name, InputStream in, Consumer<ClearingLine> sink) throws IOException {
        TextLines lines = new TextLines(in);
        if (formatOf(name)) {
            readCsv(name, new CsvRows(lines, ','), sink);
        } else {
            readJsonLines(name, lines, sink);
        }
    }

    /** Whether a file of this name is read at all: {@code .csv}, {@code .jsonl} or {@code .ndjson}, in any case. */
    public static boolean accepts(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".csv") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson");
    }

    /** Whether a file of this name is read as CSV (else as JSON lines). */
    public static boolean isCsv(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /** True for CSV, false for JSON lines; anything else is refused. */
    private static boolean formatOf(String name) {
        if (!accepts(name)) {
            throw new MappingException("file", "must end in .csv, .jsonl or .ndjson");
        }
        return isCsv(name);
    }

    /** A Stripe Issuing {@code issuing_transaction.created} event as a capture or refund. */
    public static ClearingRecord fromStripeTransaction(byte[] eventJson) {
        JsonNode event = CardFields.object(eventJson, "body");
        JsonNode transaction = StripeEvents.object(event, STRIPE_TRANSACTION_CREATED, "issuing.transaction");
        ClearingType type = switch (required(transaction, "type", "data.object.type")) {
            case "capture" -> ClearingType.CAPTURE;
            case "refund" -> ClearingType.REFUND;
            default -> throw new MappingException("data.object.type", "must be capture or refund");
        };
        long cents = CardFields.cents(transaction.get("amount"), "data.object.amount");
        // Stripe signs amounts from the balance's side: a capture takes money (negative), a refund returns it.
        if (type == ClearingType.CAPTURE ? cents >= 0 : cents <= 0) {
            throw new MappingException("data.object.amount",
                    type == ClearingType.CAPTURE ? "must be negative for a capture" : "must be positive for a refund");
        }
        CardFields.euro(required(transaction, "currency", "data.object.currency"), "data.object.currency");
        JsonNode merchant = StripeEvents.member(transaction, "merchant_data", "data.object.merchant_data");
        Instant created = StripeEvents.created(transaction, event);
        return new ClearingRecord(
                CardFields.id(required(transaction, "id", "data.object.id"), "data.object.id"),
                type,
                text(transaction, "authorization", "data.object.authorization")
                        .map(id -> CardFields.id(id, "data.object.authorization")).orElse(null),
                StripeEvents.cardId(transaction),
                CardFields.positive(Math.abs(cents), "data.object.amount"),
                CardFields.mcc(required(merchant, "category_code", "data.object.merchant_data.category_code"),
                        "data.object.merchant_data.category_code"),
                CardFields.name(text(merchant, "name", "data.object.merchant_data.name"),
                        "data.object.merchant_data.name").orElse(null),
                created,
                created.atZone(SETTLEMENT_ZONE).toLocalDate(),
                null);
    }

    private static void readCsv(String file, CsvRows csv, Consumer<ClearingLine> sink) throws IOException {
        Optional<CsvRows.Row> first = csv.next();
        if (first.isEmpty()) {
            throw new MappingException("header", "is missing");
        }
        if (first.get().error() != null) {
            throw new MappingException("header", first.get().error());
        }
        List<String> header = first.get().fields().stream().map(String::strip).toList();
        Map<String, Integer> index = header(header);
        for (Optional<CsvRows.Row> next = csv.next(); next.isPresent(); next = csv.next()) {
            CsvRows.Row row = next.get();
            if (row.error() != null) {
                sink.accept(failed(file, row.number(), row.raw(), Optional.empty(), "line: " + row.error()));
            } else if (row.fields().size() != header.size()) {
                sink.accept(failed(file, row.number(), row.raw(), Optional.empty(),
                        "line: has " + row.fields().size() + " fields, the header " + header.size()));
            } else {
                ObjectNode object = NODES.objectNode();
                for (Column column : ClearingRows.COLUMNS) {
                    object.put(column.json, row.fields().get(index.get(column.csv)));
                }
                sink.accept(line(file, row.number(), row.raw(), object, Naming.CSV));
            }
        }
    }

    private static Map<String, Integer> header(List<String> names) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (index.putIfAbsent(names.get(i).toLowerCase(Locale.ROOT), i) != null) {
                throw new MappingException("header", "names a column twice");
            }
        }
        List<String> missing = new ArrayList<>();
        ClearingRows.COLUMNS.stream().map(c -> c.csv).filter(c -> !index.containsKey(c)).forEach(missing::add);
        if (!missing.isEmpty()) {
            throw new MappingException("header", "is missing the columns " + String.join(", ", missing));
        }
        return index;
    }

    private static void readJsonLines(String file, TextLines lines, Consumer<ClearingLine> sink) throws IOException {
        for (Optional<TextLines.Line> next = lines.next(); next.isPresent(); next = lines.next()) {
            TextLines.Line line = next.get();
            if (line.error() != null) {
                sink.accept(failed(file, line.number(), line.text(), Optional.empty(), "line: " + line.error()));
            } else if (!line.text().isBlank()) {
                try {
                    JsonNode object = CardFields.object(line.text().getBytes(StandardCharsets.UTF_8), "line");
                    sink.accept(line(file, line.number(), line.text(), object, Naming.JSON));
                } catch (MappingException e) {
                    sink.accept(failed(file, line.number(), line.text(), Optional.empty(), e.getMessage()));
                }
            }
        }
    }

    private static ClearingLine line(String file, int number, String raw, JsonNode row, Naming naming) {
        Optional<String> recordId = ClearingRows.recordId(row);
        try {
            ClearingRecord record = ClearingRows.record(row, naming);
            return new ClearingLine(number, file + ":" + record.recordId(), raw, record, null);
        } catch (MappingException e) {
            return failed(file, number, raw, recordId, e.getMessage());
        }
    }

    private static ClearingLine failed(String file, int number, String raw, Optional<String> recordId, String error) {
        String sourceId = recordId.map(id -> file + ":" + id).orElse(file + ":line:" + number);
        return new ClearingLine(number, sourceId, raw, null, error);
    }
}
