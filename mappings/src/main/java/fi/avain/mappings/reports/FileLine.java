package fi.avain.mappings.reports;

/**
 * One line (or multi-line CSV record) of a costs or outcomes file as read: the record, or why it could
 * not be read. Exactly one of {@code record} and {@code error} is present.
 *
 * @param lineNumber the line the record starts on, from 1 (the header is line 1)
 * @param header     the file's header line as read, so that a line can be kept (and read again) on its own
 * @param raw        the line's text as read
 * @param client     the client the line names, when that much could be read (a refused line too)
 * @param error      {@code field: rule}, never the field's value
 */
public record FileLine<T>(int lineNumber, String header, String raw, ClientRef client, T record, String error) {
    public FileLine {
        if ((record == null) == (error == null)) {
            throw new IllegalArgumentException("a file line has either a record or an error");
        }
    }

    public boolean valid() {
        return record != null;
    }

    /** The header and this line: a file of one record, which reads back to the same record. */
    public String asFile() {
        return header + "\n" + raw;
    }
}
