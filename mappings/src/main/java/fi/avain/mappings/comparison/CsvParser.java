package fi.avain.mappings.comparison;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records separated by {@code ;}: a quoted field may hold {@code ;}, line breaks and
 * doubled quotes. A malformed record is reported with its first line number and reading goes on
 * at the next line, so one bad line costs only itself.
 */
final class CsvParser {
    private static final char SEPARATOR = ';';
    private static final char QUOTE = '"';
    private static final int EOF = -1;

    /** A record's fields, or the reason it is malformed, with the line it starts on. */
    record Line(int number, List<String> fields, String error) {
    }

    private final Reader reader;
    private int line = 1;
    private int pending = -2;

    private CsvParser(Reader reader) {
        this.reader = reader;
    }

    static List<Line> parse(Reader reader) {
        CsvParser parser = new CsvParser(reader);
        List<Line> lines = new ArrayList<>();
        while (parser.peek() != EOF) {
            lines.add(parser.record());
        }
        return lines;
    }

    private Line record() {
        int start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        while (true) {
            int c = next();
            if (quoted) {
                if (c == EOF) {
                    return new Line(start, null, "a quoted field is not closed");
                } else if (c == QUOTE && peek() == QUOTE) {
                    next();
                    field.append(QUOTE);
                } else if (c == QUOTE) {
                    quoted = false;
                    afterQuote = true;
                } else {
                    field.append((char) c);
                }
            } else if (c == SEPARATOR) {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\n' || c == EOF) {
                fields.add(field.toString());
                return new Line(start, fields, null);
            } else if (c == '\r' && (peek() == '\n' || peek() == EOF)) {
                continue;
            } else if (afterQuote) {
                skipLine();
                return new Line(start, null, "text follows a closing quote");
            } else if (c == QUOTE && field.length() == 0) {
                quoted = true;
            } else if (c == QUOTE) {
                skipLine();
                return new Line(start, null, "a quote inside an unquoted field");
            } else {
                field.append((char) c);
            }
        }
    }

    private void skipLine() {
        int c;
        do {
            c = next();
        } while (c != '\n' && c != EOF);
    }

    private int next() {
        int c = peek();
        pending = -2;
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private int peek() {
        if (pending == -2) {
            try {
                pending = reader.read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pending;
    }
}
