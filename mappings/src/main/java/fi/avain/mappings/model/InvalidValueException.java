package fi.avain.mappings.model;

/**
 * A value failed validation at the edge. The message names the field and the rule, never the
 * rejected input itself: inputs may carry personal data.
 */
public class InvalidValueException extends IllegalArgumentException {
    private final String field;

    public InvalidValueException(String field, String rule) {
        super(field + ": " + rule);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
