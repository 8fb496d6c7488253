package fi.avain.mappings.comparison;

import java.util.Objects;
import java.util.Optional;

/**
 * One result of reading the CSV export: a provider with its services (at the line of its first
 * row), or the reason one line could not be read. Exactly one of entry and error is present.
 */
public record CsvRecord(int lineNumber, Optional<ComparisonEntry> entry, Optional<String> error) {
    public CsvRecord {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(error, "error");
        if (entry.isPresent() == error.isPresent()) {
            throw new IllegalArgumentException("a CSV record has either an entry or an error");
        }
    }

    static CsvRecord ok(int lineNumber, ComparisonEntry entry) {
        return new CsvRecord(lineNumber, Optional.of(entry), Optional.empty());
    }

    static CsvRecord failed(int lineNumber, String error) {
        return new CsvRecord(lineNumber, Optional.empty(), Optional.of(error));
    }
}
