package fi.avain.routes.reports;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV lines as RFC 4180 has them: comma-separated, a field quoted when it holds a comma, quote or line
 * break. Text that a spreadsheet would run as a formula (starting with = + - @) gets a leading
 * apostrophe; numbers are written plain, so a negative amount stays a number.
 */
final class Csv {
    private Csv() {
    }

    static String line(List<?> values) {
        return values.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
