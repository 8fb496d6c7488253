package fi.avain.connectors.card;

import fi.avain.mappings.card.ClearingFiles;
import fi.avain.mappings.card.ClearingRecord;
import fi.avain.mappings.card.ClearingType;
import fi.avain.mappings.model.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes clearing files as a processor does (docs/formats/card-clearing.md): records go into
 * {@code clearing-<yyyyMMdd-HHmmss>-<n>.csv.part}, and {@link #close()} adds a settlement row per
 * settlement date and renames the file to its final name in one step, so a reader never sees a
 * half-written file.
 */
public final class ClearingFileWriter {
    public static final String HEADER = "record_id,type,authorization_id,card_id,amount,currency,"
            + "merchant_category_code,merchant_name,occurred_at,settlement_date,count";
    private static final String PART = ".part";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int MAX_TRACKED_AUTHORIZATIONS = 100_000;

    private final Path directory;
    private final Clock clock;
    /** Captured and not yet refunded or reversed, per authorization: what a reversal can still undo. */
    private final Map<String, Long> outstanding = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > MAX_TRACKED_AUTHORIZATIONS;
        }
    };
    private final Map<LocalDate, Totals> totals = new TreeMap<>();
    private Path part;
    private int files;

    public ClearingFileWriter(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** Appends a capture, refund or reversal to the open file, opening one when none is. */
    public synchronized void append(ClearingRecord record) {
        if (record.type() == ClearingType.SETTLEMENT) {
            throw new IllegalArgumentException("settlement rows are written by close()");
        }
        write(csvLine(record));
        totals.computeIfAbsent(record.settlementDate(), date -> new Totals()).add(settles(record));
    }

    /**
     * Writes a settlement row for each settlement date of the file's records (one of zero for
     * today when there were none), gives the file its final name and returns it. The next
     * {@link #append} opens a new file.
     */
    public synchronized Path close() {
        if (part == null) {
            open();
            totals.put(LocalDate.ofInstant(clock.instant(), ClearingFiles.SETTLEMENT_ZONE), new Totals());
        }
        String file = name(part);
        String recordPrefix = file.substring(0, file.length() - ".csv".length()) + "-settlement-";
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        StringBuilder rows = new StringBuilder();
        totals.forEach((date, sums) -> rows.append(csvLine(new ClearingRecord(recordPrefix + DAY.format(date),
                ClearingType.SETTLEMENT, null, null, Money.ofCents(sums.net), null, null, now, date, sums.count))));
        write(rows.toString());
        Path done = part.resolveSibling(file);
        try {
            Files.move(part, done, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the clearing file", e);
        }
        part = null;
        totals.clear();
        return done;
    }

    /** One CSV line (with its line break) as the format writes it. */
    public static String csvLine(ClearingRecord record) {
        return Stream.of(record.recordId(), record.type().name().toLowerCase(Locale.ROOT),
                        record.authorizationId(), record.cardId(), record.amount().euros().toPlainString(), "EUR",
                        record.merchantCategoryCode(), record.merchantName(), record.occurredAt().toString(),
                        record.settlementDate().toString(), record.count() == null ? null : record.count().toString())
                .map(ClearingFileWriter::quote)
                .collect(Collectors.joining(",", "", "\n"));
    }

    /** The cents this record moves in the settlement total: reversals only as far as they undo a capture. */
    private long settles(ClearingRecord record) {
        long cents = record.amount().cents();
        String authorization = record.authorizationId();
        long captured = authorization == null ? 0 : outstanding.getOrDefault(authorization, 0L);
        return switch (record.type()) {
            case CAPTURE -> {
                track(authorization, captured + cents);
                yield cents;
            }
            case REFUND -> {
                track(authorization, Math.max(0, captured - cents));
                yield -cents;
            }
            case REVERSAL -> {
                long undone = Math.min(cents, captured);
                track(authorization, captured - undone);
                yield -undone;
            }
            case SETTLEMENT -> throw new IllegalArgumentException("settlement rows are not totalled");
        };
    }

    private void track(String authorization, long cents) {
        if (authorization != null) {
            outstanding.put(authorization, cents);
        }
    }

    private void write(String text) {
        if (part == null) {
            open();
        }
        try {
            Files.writeString(part, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the clearing file", e);
        }
    }

    private void open() {
        try {
            Files.createDirectories(directory);
            String stamp = FILE_TIME.format(clock.instant().atZone(ClearingFiles.SETTLEMENT_ZONE));
            Path candidate;
            do {
                files++;
                candidate = directory.resolve("clearing-" + stamp + "-" + files + ".csv" + PART);
            } while (Files.exists(candidate) || Files.exists(candidate.resolveSibling(name(candidate))));
            Files.writeString(candidate, HEADER + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            part = candidate;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a clearing file", e);
        }
    }

    /** The final name: the part file's name without {@code .part}. */
    private static String name(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(PART) ? name.substring(0, name.length() - PART.length()) : name;
    }

    private static String quote(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static final class Totals {
        private long net;
        private int count;

        void add(long cents) {
            net += cents;
            count++;
        }
    }
}
