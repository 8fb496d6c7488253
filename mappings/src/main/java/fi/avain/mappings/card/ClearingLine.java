package fi.avain.mappings.card;

/**
 * One line (or multi-line CSV record) of a clearing file as read: the record, or why it could not
 * be read. Exactly one of {@code record} and {@code error} is present.
 *
 * @param lineNumber the line the record starts on, from 1 (the CSV header is line 1)
 * @param sourceId {@code <file name>:<recordId>}, or {@code <file name>:line:<n>} when no record id
 *     could be read: the message store's key for the line
 * @param raw the line's text as read (a CSV record over several lines keeps its line breaks)
 * @param error {@code field: rule}, never the field's value
 */
public record ClearingLine(int lineNumber, String sourceId, String raw, ClearingRecord record, String error) {
    public ClearingLine {
        if ((record == null) == (error == null)) {
            throw new IllegalArgumentException("a clearing line has either a record or an error");
        }
    }

    public boolean valid() {
        return record != null;
    }
}
