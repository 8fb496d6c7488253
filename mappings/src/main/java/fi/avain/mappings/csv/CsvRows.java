package fi.avain.mappings.csv;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * RFC 4180 records over {@link TextLines}, separated by a comma (clearing and cost files) or a
 * semicolon (what spreadsheets with a decimal comma save). A quoted field may hold commas,
 * doubled quotes and line breaks, but a record may span at most {@value #MAX_RECORD_LINES} lines:
 * a quote left open is reported on its own line, and the lines after it are read again as records
 * of their own, so one stray quote cannot swallow the rest of the file.
 */
public final class CsvRows {
    public static final int MAX_RECORD_LINES = 16;
    private static final char QUOTE = '"';
    private static final String UNCLOSED = "a quoted field is not closed";

    /** A record's fields, or why it is malformed, with the line it starts on and its text. */
    public record Row(int number, String raw, List<String> fields, String error) {
    }

    private final TextLines lines;
    private final char separator;
    private final Deque<TextLines.Line> again = new ArrayDeque<>();

    public CsvRows(TextLines lines, char separator) {
        this.lines = lines;
        this.separator = separator;
    }

    /**
     * Records separated as the header line is: by semicolons when it has a semicolon and no comma,
     * else by commas.
     */
    public static CsvRows separatedAsTheHeader(TextLines lines) throws IOException {
        Optional<TextLines.Line> header = lines.next();
        boolean semicolons = header.isPresent() && header.get().text().indexOf(';') >= 0
                && header.get().text().indexOf(',') < 0;
        CsvRows rows = new CsvRows(lines, semicolons ? ';' : ',');
        header.ifPresent(rows.again::push);
        return rows;
    }

    /** The next record; blank lines are passed over. */
    public Optional<Row> next() throws IOException {
        Optional<TextLines.Line> first = line();
        while (first.isPresent() && first.get().error() == null && first.get().text().isBlank()) {
            first = line();
        }
        if (first.isEmpty()) {
            return Optional.empty();
        }
        TextLines.Line start = first.get();
        if (start.error() != null) {
            return Optional.of(new Row(start.number(), start.text(), null, start.error()));
        }
        StringBuilder record = new StringBuilder(start.text());
        List<TextLines.Line> continuation = new ArrayList<>();
        Row row = split(start.number(), record.toString(), separator);
        while (UNCLOSED.equals(row.error())) {
            Optional<TextLines.Line> more = continuation.size() + 1 < MAX_RECORD_LINES ? line() : Optional.empty();
            if (more.isEmpty() || more.get().error() != null) {
                more.ifPresent(continuation::add);
                for (int i = continuation.size() - 1; i >= 0; i--) {
                    again.push(continuation.get(i));
                }
                return Optional.of(new Row(start.number(), start.text(), null, UNCLOSED));
            }
            continuation.add(more.get());
            record.append('\n').append(more.get().text());
            row = split(start.number(), record.toString(), separator);
        }
        return Optional.of(row);
    }

    private Optional<TextLines.Line> line() throws IOException {
        return again.isEmpty() ? lines.next() : Optional.of(again.pop());
    }

    static Row split(int number, String record, char separator) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (quoted) {
                if (c == QUOTE && i + 1 < record.length() && record.charAt(i + 1) == QUOTE) {
                    field.append(QUOTE);
                    i++;
                } else if (c == QUOTE) {
                    quoted = false;
                    afterQuote = true;
                } else {
                    field.append(c);
                }
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (afterQuote) {
                return new Row(number, record, null, "text follows a closing quote");
            } else if (c == QUOTE && field.length() == 0) {
                quoted = true;
            } else if (c == QUOTE) {
                return new Row(number, record, null, "a quote inside an unquoted field");
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return new Row(number, record, null, UNCLOSED);
        }
        fields.add(field.toString());
        return new Row(number, record, fields, null);
    }
}
