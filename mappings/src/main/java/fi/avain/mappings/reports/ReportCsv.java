package fi.avain.mappings.reports;

import fi.avain.mappings.MappingException;
import fi.avain.mappings.csv.CsvRows;
import fi.avain.mappings.csv.TextLines;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The costs and outcomes files' common shape: a header naming the columns (in any order, any case),
 * then one record per line, comma- or semicolon-separated as the header is. A line that cannot be read
 * is handed on with its reason and the lines after it are still read.
 */
final class ReportCsv {
    private static final Pattern COLUMN_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /** The columns a format knows; {@code others}: whether more named columns are allowed (outcomes' dimensions). */
    record Columns(List<String> required, List<String> optional, boolean others) {
    }

    private ReportCsv() {
    }

    /** Reads the lines; {@code client} reads a line's client, {@code reader} the whole record. */
    static <T> void read(InputStream in, Columns columns, Function<Map<String, String>, ClientRef> client,
                         Function<Map<String, String>, T> reader, Consumer<FileLine<T>> sink) throws IOException {
        CsvRows csv = CsvRows.separatedAsTheHeader(new TextLines(in));
        Optional<CsvRows.Row> first = csv.next();
        if (first.isEmpty()) {
            throw new MappingException("header", "is missing");
        }
        if (first.get().error() != null) {
            throw new MappingException("header", first.get().error());
        }
        String header = first.get().raw();
        List<String> names = header(first.get().fields(), columns);
        for (Optional<CsvRows.Row> next = csv.next(); next.isPresent(); next = csv.next()) {
            CsvRows.Row row = next.get();
            if (row.error() != null) {
                sink.accept(new FileLine<>(row.number(), header, row.raw(), null, null, "line: " + row.error()));
            } else if (row.fields().size() != names.size()) {
                sink.accept(new FileLine<>(row.number(), header, row.raw(), null, null,
                        "line: has " + row.fields().size() + " fields, the header " + names.size()));
            } else {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    values.put(names.get(i), row.fields().get(i));
                }
                ClientRef who = clientOrNull(client, values);
                try {
                    sink.accept(new FileLine<>(row.number(), header, row.raw(), who, reader.apply(values), null));
                } catch (MappingException e) {
                    sink.accept(new FileLine<>(row.number(), header, row.raw(), who, null, e.getMessage()));
                }
            }
        }
    }

    private static ClientRef clientOrNull(Function<Map<String, String>, ClientRef> client, Map<String, String> values) {
        try {
            return client.apply(values);
        } catch (MappingException e) {
            return null;
        }
    }

    /**
     * The columns' names, lower case. A column the format does not know is named by its position only: a
     * file without its header would otherwise put its first line, identity code and all, into the error.
     */
    private static List<String> header(List<String> fields, Columns columns) {
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).strip().toLowerCase(Locale.ROOT);
            boolean known = columns.required().contains(name) || columns.optional().contains(name);
            if (!known && !(columns.others() && COLUMN_NAME.matcher(name).matches())) {
                throw new MappingException("header", "column " + (i + 1) + " is not one of "
                        + String.join(", ", all(columns)) + (columns.others() ? " nor a dimension's name" : ""));
            }
            Integer before = seen.putIfAbsent(name, i + 1);
            if (before != null) {
                throw new MappingException("header", "column " + (i + 1) + " repeats column " + before);
            }
            names.add(name);
        }
        List<String> missing = columns.required().stream().filter(c -> !seen.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new MappingException("header", "is missing the column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing));
        }
        return names;
    }

    private static List<String> all(Columns columns) {
        List<String> all = new ArrayList<>(columns.required());
        all.addAll(columns.optional());
        return all;
    }

    /** The names of the columns beyond the format's own, in file order. */
    static List<String> others(Map<String, String> values, Columns columns) {
        Set<String> own = new java.util.HashSet<>(all(columns));
        return values.keySet().stream().filter(name -> !own.contains(name)).toList();
    }
}
